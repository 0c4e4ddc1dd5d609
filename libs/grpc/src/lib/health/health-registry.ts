import { HealthCheckResponse_ServingStatus as ServingStatus } from '@mangaassist/contracts';
import { BehaviorSubject, type Observable, distinctUntilChanged } from 'rxjs';

export { ServingStatus };

/**
 * The serving status of each service in one process. Services start NOT_SERVING and flip to
 * SERVING once their index or model is loaded, so probes never route traffic to a cold pod.
 * The empty name is the server as a whole: SERVING only when every registered service is.
 */
export class HealthRegistry {
  private readonly statuses = new Map<string, BehaviorSubject<ServingStatus>>();

  constructor(serviceNames: readonly string[]) {
    this.statuses.set('', new BehaviorSubject<ServingStatus>(ServingStatus.NOT_SERVING));
    for (const name of serviceNames) {
      this.statuses.set(name, new BehaviorSubject<ServingStatus>(ServingStatus.NOT_SERVING));
    }
  }

  set(serviceName: string, status: ServingStatus): void {
    const subject = this.statuses.get(serviceName);
    if (!subject) throw new Error(`health: unknown service ${serviceName}`);
    subject.next(status);
    this.refreshOverall();
  }

  /** Marks every service (and so the server) SERVING or NOT_SERVING. */
  setAll(status: ServingStatus): void {
    for (const subject of this.statuses.values()) subject.next(status);
  }

  /** The current status, or undefined for a service this process does not serve. */
  get(serviceName: string): ServingStatus | undefined {
    return this.statuses.get(serviceName)?.value;
  }

  watch(serviceName: string): Observable<ServingStatus> | undefined {
    return this.statuses.get(serviceName)?.pipe(distinctUntilChanged());
  }

  private refreshOverall(): void {
    const services = [...this.statuses.entries()].filter(([name]) => name !== '');
    const allServing = services.every(([, s]) => s.value === ServingStatus.SERVING);
    this.statuses.get('')?.next(allServing ? ServingStatus.SERVING : ServingStatus.NOT_SERVING);
  }
}
