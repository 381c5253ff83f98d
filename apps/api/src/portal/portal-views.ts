import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import { chineseDate, chineseSeconds, chineseTime, fileSize, wanOfFen, yuanOfFen } from './zh-format';

/** Where the templates live: beside the sources (no __dirname under ES-module tests); PORTAL_VIEWS_DIR overrides it. */
export function portalViewsDir(): string {
  return process.env.PORTAL_VIEWS_DIR ?? join(process.cwd(), 'apps/api/src/portal/views');
}

export interface PageChrome {
  readonly title: string;
  readonly csrf: string;
  readonly user?: { name: string; role: string; roleName: string };
}

/** An instant as Beijing time, e.g. "2026年4月10日 09:00". */
export const beijingTime = chineseTime;

/** To the second, for the audit trail, e.g. "2026年4月10日 09:00:05". */
export const beijingSeconds = chineseSeconds;

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
    this.engine.registerHelper('date', (date: unknown) => (typeof date === 'string' ? chineseDate(date) : ''));
    this.engine.registerHelper('yuan', (fen: unknown) => yuanOfFen(typeof fen === 'number' ? fen : null));
    this.engine.registerHelper('wan', (fen: unknown) => wanOfFen(typeof fen === 'number' ? fen : null));
    this.engine.registerHelper('filesize', (bytes: unknown) => (typeof bytes === 'number' ? fileSize(bytes) : ''));
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
