import { renderJvmOptions, renderOpenSearchYml } from './node-config';

const settings = {
  httpPort: 9201,
  transportPort: 9301,
  dataDir: '/tmp/run dir/data',
  logsDir: '/tmp/run dir/logs',
  tmpDir: '/tmp/run dir/tmp',
  heapMb: 384,
  clusterName: 'mangaassist-1-9201',
};

describe('node configuration', () => {
  it('binds a single-node cluster to loopback with its own data directory', () => {
    const yml = renderOpenSearchYml(settings);
    expect(yml).toContain('discovery.type: "single-node"');
    expect(yml).toContain('network.host: "127.0.0.1"');
    expect(yml).toContain('http.port: 9201');
    expect(yml).toContain('transport.port: 9301');
    expect(yml).toContain('path.data: "/tmp/run dir/data"');
    expect(yml).toContain('cluster.routing.allocation.disk.threshold_enabled: false');
  });

  it('uses absolute paths only in jvm.options and allows the SecurityManager on Java 18+', () => {
    const jvm = renderJvmOptions(settings);
    expect(jvm).toContain('-Xms384m\n-Xmx384m');
    expect(jvm).toContain('-XX:ErrorFile=/tmp/run dir/logs/hs_err_pid%p.log');
    expect(jvm).toContain('18-:-Djava.security.manager=allow');
    expect(jvm).not.toMatch(/file=logs\/|HeapDumpPath=data/);
  });
});
