import { All, Controller, NotFoundException, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/access.decorators';
import { chromeOf } from './portal-session';
import { PortalViews } from './portal-views';

/**
 * An address no page answers: a Chinese page for people, while /api keeps its JSON 404. It matches
 * everything, so it must stay the last controller of the last module (see portal.module.ts).
 */
@ApiExcludeController()
@Controller()
export class NotFoundPageController {
  constructor(private readonly views: PortalViews) {}

  @All('{*path}')
  @Public()
  notFound(@Req() request: Request, @Res() response: Response): void {
    if (request.path === '/api' || request.path.startsWith('/api/')) throw new NotFoundException(`Cannot ${request.method} ${request.path}`);
    response
      .status(404)
      .type('html')
      .send(
        this.views.render('message', chromeOf(request, response, '页面不存在'), {
          heading: '页面不存在',
          text: '您访问的网址没有对应的页面,可能是链接有误或页面已经移除。请从首页或导航栏重新进入。',
        }),
      );
  }
}
