/**
 * The mutable state of one simulated subnet (subnet-sim.ts) and who holds its UIDs: every per-UID array lives in
 * one buffer, so a replay checkpoint is one copy.
 */

/** What a UID's holder is. Owner hotkeys belong to the subnet owner's coldkey (incentive burned). */
export const Role = { miner: 0, validator: 1, ownerHotkey: 2, ownerExtra: 3 } as const;

/** The whole mutable state of one subnet at `block` (every event at or before it applied). */
export class SimState {
  block = 0;
  n = 0;
  reg: Float64Array;
  key: Uint32Array;
  role: Uint8Array;
  /** 1 where get_neuron_to_prune skips the UID (the owner's immortal hotkeys). */
  immortal: Uint8Array;
  /** 1 where the holder can be paid at all (validator, owner hotkey, or a miner that scores). */
  pays: Uint8Array;
  /** Quality per (uid × mechanism). */
  quality: Float32Array;
  /** Block at which the holder's miner stops (it fades over FADE_BLOCKS before, then scores nothing). */
  retiresAt: Float64Array;
  /** Drift phase (index into DRIFT). */
  phase: Uint16Array;
  /** Stake weight (validators; 0 for others). */
  stake: Float64Array;
  /** Last epoch: Emission storage, what was credited (miner side / validator side), normalised incentive per
   * (uid × mechanism) and dividends. Cleared for a UID when it is replaced (ST registration.rs replace_neuron). */
  emission: Float64Array;
  server: Float64Array;
  validatorPaid: Float64Array;
  incentive: Float64Array;
  dividend: Float64Array;
  burnBase = 0;
  burnBlock = 0;
  /** SubnetAlphaIn + SubnetAlphaOut, rao, as of `issuanceBlock`. */
  issuance = 0;
  issuanceBlock = 0;
  /** Pending server + validator + root alpha accrued since the last epoch, and the owner cut. */
  pending = 0;
  pendingOwnerCut = 0;
  lastEpoch = 0;
  /** The last epoch's total (alpha entering the epoch) and the incentive burned on owner hotkeys. */
  lastEpochTotal = 0;
  lastEpochBurned = 0;
  minerBurned = 0;
  movingPrice = 0;
  movingBlock = 0;
  registrations = 0;
  /** Attempts of the current interval (after the last epoch) already looked at. */
  attemptCursor = 0;

  /** All per-UID arrays live in one buffer, so a checkpoint is one copy. */
  private readonly buffer: ArrayBuffer;

  constructor(
    readonly capacity: number,
    readonly mechanisms: number,
    from?: ArrayBuffer,
  ) {
    const f64 = capacity * 8;
    const layout = {
      f64: f64 * (7 + mechanisms),
      f32: capacity * mechanisms * 4,
      u32: capacity * 4,
      u16: capacity * 2,
      u8: capacity * 3,
    };
    const bytes = layout.f64 + layout.f32 + layout.u32 + layout.u16 + layout.u8;
    this.buffer = from ? from.slice(0) : new ArrayBuffer(bytes);
    let at = 0;
    const take = <T>(
      make: (buffer: ArrayBuffer, offset: number, length: number) => T,
      length: number,
      size: number,
    ): T => {
      const view = make(this.buffer, at, length);
      at += length * size;
      return view;
    };
    const F64 = (b: ArrayBuffer, o: number, l: number) => new Float64Array(b, o, l);
    this.reg = take(F64, capacity, 8);
    this.retiresAt = take(F64, capacity, 8);
    this.stake = take(F64, capacity, 8);
    this.emission = take(F64, capacity, 8);
    this.server = take(F64, capacity, 8);
    this.validatorPaid = take(F64, capacity, 8);
    this.dividend = take(F64, capacity, 8);
    this.incentive = take(F64, capacity * mechanisms, 8);
    this.quality = take((b, o, l) => new Float32Array(b, o, l), capacity * mechanisms, 4);
    this.key = take((b, o, l) => new Uint32Array(b, o, l), capacity, 4);
    this.phase = take((b, o, l) => new Uint16Array(b, o, l), capacity, 2);
    this.role = take((b, o, l) => new Uint8Array(b, o, l), capacity, 1);
    this.immortal = take((b, o, l) => new Uint8Array(b, o, l), capacity, 1);
    this.pays = take((b, o, l) => new Uint8Array(b, o, l), capacity, 1);
  }

  /** A copy (every scalar field below, and the buffer). */
  clone(): SimState {
    const c = new SimState(this.capacity, this.mechanisms, this.buffer);
    c.block = this.block;
    c.n = this.n;
    c.burnBase = this.burnBase;
    c.burnBlock = this.burnBlock;
    c.issuance = this.issuance;
    c.issuanceBlock = this.issuanceBlock;
    c.pending = this.pending;
    c.pendingOwnerCut = this.pendingOwnerCut;
    c.lastEpoch = this.lastEpoch;
    c.lastEpochTotal = this.lastEpochTotal;
    c.lastEpochBurned = this.lastEpochBurned;
    c.minerBurned = this.minerBurned;
    c.movingPrice = this.movingPrice;
    c.movingBlock = this.movingBlock;
    c.registrations = this.registrations;
    c.attemptCursor = this.attemptCursor;
    return c;
  }
}
