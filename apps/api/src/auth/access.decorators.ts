import { SetMetadata } from '@nestjs/common';
import type { AccountRole } from './account.entity';

export const PUBLIC_KEY = 'access:public';
export const ROLES_KEY = 'access:roles';

/** Anyone may call it; a valid token, when sent, still identifies the caller. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Only these roles may call it (403 for the others, 401 without a token). */
export const Roles = (...roles: AccountRole[]) => SetMetadata(ROLES_KEY, roles);
