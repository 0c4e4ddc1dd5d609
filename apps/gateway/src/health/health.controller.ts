import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { UPSTREAMS, type Upstreams } from '../upstream/upstream-clients';

@Controller()
export class HealthController {
  constructor(@Inject(UPSTREAMS) private readonly upstreams: Upstreams) {}

  /** Liveness: the process answers. */
  @Get('healthz')
  healthz(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: 200 only when every upstream reports SERVING on grpc.health.v1. */
  @Get('readyz')
  async readyz(@Res() response: Response): Promise<void> {
    const upstreams = await this.upstreams.health();
    const ready = upstreams.every((u) => u.serving);
    response
      .status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
      .json({ ready, upstreams });
  }
}
