import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';

/** Where the templates live: beside the sources (no __dirname under ES-module tests); PORTAL_VIEWS_DIR overrides it. */
export function portalViewsDir(): string {
  return process.env.PORTAL_VIEWS_DIR ?? join(process.cwd(), 'apps/api/src/portal/views');
}

export interface PageChrome {
  readonly title: string;
  readonly csrf: string;
  readonly user?: { name: string; role: string; roleName: string };
}

const SHANGHAI_MINUTES = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

const SHANGHAI_SECONDS = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** An instant as Beijing time, e.g. "2026-04-10 09:00". */
export const beijingTime = (iso: string): string => SHANGHAI_MINUTES.format(new Date(iso));

/** To the second, for the audit trail, e.g. "2026-04-10 09:00:05". */
export const beijingSeconds = (iso: string): string => SHANGHAI_SECONDS.format(new Date(iso));

const ROLE_NAMES: Record<string, string> = { admin: '管理员', expert: '评审专家', applicant: '申报单位' };
export const roleName = (role: string): string => ROLE_NAMES[role] ?? role;

/** Compiles every template once, at first use, and wraps pages in the layout. */
@Injectable()
export class PortalViews {
  private readonly engine = Handlebars.create();
  private templates: Map<string, Handlebars.TemplateDelegate> | null = null;

  constructor() {
    this.engine.registerHelper('eq', (a: unknown, b: unknown) => a === b);
    this.engine.registerHelper('time', (iso: unknown) => (typeof iso === 'string' ? beijingTime(iso) : ''));
    this.engine.registerHelper('seconds', (iso: unknown) => (typeof iso === 'string' ? beijingSeconds(iso) : ''));
  }

  render(page: string, chrome: PageChrome, data: Record<string, unknown> = {}): string {
    const templates = this.load();
    const body = this.template(templates, page)({ ...data, csrf: chrome.csrf, user: chrome.user });
    return this.template(templates, 'layout')({ ...chrome, body });
  }

  private template(templates: Map<string, Handlebars.TemplateDelegate>, name: string): Handlebars.TemplateDelegate {
    const template = templates.get(name);
    if (!template) throw new Error(`there is no portal template "${name}.hbs" in ${portalViewsDir()}`);
    return template;
  }

  private load(): Map<string, Handlebars.TemplateDelegate> {
    if (this.templates) return this.templates;
    const dir = portalViewsDir();
    const templates = new Map<string, Handlebars.TemplateDelegate>();
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.hbs'))) {
      const name = file.slice(0, -'.hbs'.length);
      const source = readFileSync(join(dir, file), 'utf8');
      if (name.startsWith('_')) this.engine.registerPartial(name.slice(1), source);
      else templates.set(name, this.engine.compile(source, { strict: false }));
    }
    this.templates = templates;
    return templates;
  }
}
