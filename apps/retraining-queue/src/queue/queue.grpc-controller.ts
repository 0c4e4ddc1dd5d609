import type {
  ListItemsRequest,
  ListItemsResponse,
  RetrainingQueueService,
} from '@mangaassist/contracts';
import type { GrpcServiceImplementation } from '@mangaassist/grpc';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { QueueService } from './queue.service';

@Controller()
export class QueueGrpcController implements GrpcServiceImplementation<
  typeof RetrainingQueueService
> {
  constructor(private readonly queue: QueueService) {}

  @GrpcMethod('RetrainingQueueService', 'ListItems')
  listItems(request: ListItemsRequest): Promise<ListItemsResponse> {
    return this.queue.listItems(request);
  }
}
