import { SyntheticNetwork } from './electron/core/chain/synthetic/network';
const net = new SyntheticNetwork({ seed: 5 });
for (let n = 1; n <= 128; n++) net.simulation(n, 9_000_000)!.stateAt(9_000_000);
