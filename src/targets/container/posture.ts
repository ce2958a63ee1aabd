// The runtime posture (rules/posture.ts) of a running container, from what the engine reports
// (HostConfig) and what the probes measured (the process's uid), so verify judges privileges,
// mounts and namespaces with the same functions as a compose service and a `docker run` line.
// Each value is placed at the inspect field it comes from. Pure.
import type { RuntimePosture } from '../../rules/posture.js';
import type { ContainerModel } from './model.js';

/** Where a value of a container's posture was read: an inspect field, and a path in the container. */
interface ContainerPlace {
  field: string;
  imagePath?: string;
}

const memo = new WeakMap<ContainerModel, RuntimePosture<ContainerPlace>>();

export function containerPosture(model: ContainerModel): RuntimePosture<ContainerPlace> {
  const hit = memo.get(model);
  if (hit) return hit;
  const hc = model.hostConfig;
  const at = (field: string): ContainerPlace => ({ field: `HostConfig.${field}` });
  const id = model.identity;
  const p: RuntimePosture<ContainerPlace> = {
    privileged: { value: String(hc.privileged), at: at('Privileged') },
    user: id.ok ? { value: String(id.value.uid), at: { field: 'identity.uid' } } : null,
    readOnly: { value: String(hc.readonlyRootfs), at: at('ReadonlyRootfs') },
    tmpfs: Object.keys(hc.tmpfs).map((t) => ({ value: t, at: at('Tmpfs') })),
    mounts: hc.mounts.map((m) => ({ type: m.type, source: m.source, target: m.destination, readOnly: m.readOnly, at: { field: 'Mounts', imagePath: m.destination } })),
    capAdd: hc.capAdd.map((c) => ({ value: c, at: at('CapAdd') })),
    capDrop: hc.capDrop.map((c) => ({ value: c, at: at('CapDrop') })),
    securityOpt: hc.securityOpt.map((o) => ({ value: o, at: at('SecurityOpt') })),
    namespaces: ([['network', 'NetworkMode', hc.networkMode], ['pid', 'PidMode', hc.pidMode], ['ipc', 'IpcMode', hc.ipcMode], ['uts', 'UTSMode', hc.utsMode], ['userns', 'UsernsMode', hc.userNsMode]] as const)
      .filter(([, , v]) => v !== '')
      .map(([key, field, v]) => ({ key, value: { value: v, at: at(field) } })),
    devices: hc.devices.map((d) => ({ value: d, at: at('Devices') })),
    memory: hc.memory > 0 ? { value: String(hc.memory), at: at('Memory') } : null,
    memorySwap: hc.memorySwap !== 0 ? { value: String(hc.memorySwap), at: at('MemorySwap') } : null,
    cpus: hc.cpus > 0 ? { value: String(hc.cpus), at: at('NanoCpus') } : null,
    pids: hc.pidsLimit !== null && hc.pidsLimit > 0 ? { value: String(hc.pidsLimit), at: at('PidsLimit') } : null,
    ports: hc.ports.map((x) => ({ hostIp: x.hostIp, published: x.hostPort, target: x.containerPort, allInterfaces: x.hostIp === '' || x.hostIp === '0.0.0.0' || x.hostIp === '::', at: at('PortBindings') })),
    env: [],
    image: { value: model.image.ref, at: { field: 'Config.Image' } },
    healthcheck: model.health.defined ? { disabled: false, at: { field: 'Config.Healthcheck' } } : null,
    restart: hc.restartPolicy.name !== '' && hc.restartPolicy.name !== 'no' ? { value: hc.restartPolicy.name, at: at('RestartPolicy') } : null,
    logging: { driver: hc.logConfig.type, maxSize: 'max-size' in hc.logConfig.config, at: at('LogConfig') },
    oneOff: false,
  };
  memo.set(model, p);
  return p;
}
