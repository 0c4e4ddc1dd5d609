import {
  type GenerateRequest,
  type GenerateResponse,
  GenerationService as GenerationServiceDesc,
} from '@mangaassist/contracts';
import type { GrpcServiceImplementation } from '@mangaassist/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { Observable } from 'rxjs';
import { GenerationService } from './generation.service';

@Controller()
export class GenerationGrpcController implements GrpcServiceImplementation<
  typeof GenerationServiceDesc
> {
  constructor(private readonly generation: GenerationService) {}

  @GrpcMethod('GenerationService', 'Generate')
  generate(request: GenerateRequest): Observable<GenerateResponse> {
    return this.generation.generate(request);
  }
}
