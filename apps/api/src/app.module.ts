import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, PlatformOptions } from '@app/platform';
import { HealthModule } from './health/health.module';

@Module({})
export class AppModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    return { module: AppModule, imports: [PlatformModule.forRoot(options), HealthModule] };
  }
}
