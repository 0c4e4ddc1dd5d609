import {
  IntentService as IntentServiceDescriptor,
  type ClassifyRequest,
} from '@mangaassist/contracts';
import type { GrpcServiceImplementation } from '@mangaassist/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { ClassifyReply } from './intent-pipeline';
import { IntentService } from './intent.service';

@Controller()
export class IntentGrpcController implements GrpcServiceImplementation<
  typeof IntentServiceDescriptor
> {
  constructor(private readonly intents: IntentService) {}

  @GrpcMethod('IntentService', 'Classify')
  classify(request: ClassifyRequest): Promise<ClassifyReply> {
    return this.intents.classify(request);
  }
}
