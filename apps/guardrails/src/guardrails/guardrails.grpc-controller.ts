import type {
  CheckInputRequest,
  CheckOutputRequest,
  GuardrailsService,
  RedactDocumentsRequest,
  RedactRequest,
} from '@mangaassist/contracts';
import type { GrpcServiceImplementation } from '@mangaassist/grpc';
import { Controller, Inject } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { GUARDRAILS_ENGINE, GuardrailsEngine } from './guardrails-engine.service';

@Controller()
export class GuardrailsGrpcController implements GrpcServiceImplementation<
  typeof GuardrailsService
> {
  constructor(@Inject(GUARDRAILS_ENGINE) private readonly engine: GuardrailsEngine) {}

  @GrpcMethod('GuardrailsService', 'CheckInput')
  checkInput(request: CheckInputRequest) {
    return this.engine.checkInput(request);
  }

  @GrpcMethod('GuardrailsService', 'CheckOutput')
  checkOutput(request: CheckOutputRequest) {
    return this.engine.checkOutput(request);
  }

  @GrpcMethod('GuardrailsService', 'Redact')
  redact(request: RedactRequest) {
    return this.engine.redact(request);
  }

  @GrpcMethod('GuardrailsService', 'RedactDocuments')
  redactDocuments(request: RedactDocumentsRequest) {
    return this.engine.redactDocuments(request);
  }
}
