/**
 * One budget per request (DESIGN.md): every parse of a request — each file, each document embedded in
 * another (ConfigMap data, KubeletInfo, and any wrapper a new reader adds), each alias use — draws on the
 * same count of nodes, materialised characters and documents, as they are made. So the cost of a request
 * grows with its size, whatever it repeats or nests, and a breach stops it at once with the limit's name.
 */
import { LIMITS, type LimitName } from '../catalogue/limits';

/** A request over one of LIMITS; the HTTP layer answers 413 naming it. */
export class LimitError extends Error {
  constructor(
    readonly limit: LimitName,
    message: string,
  ) {
    super(message);
  }
}

/** What a parse cost, to charge again when its result is reused. */
interface Cost {
  nodes: number;
  bytes: number;
  documents: number;
}

export class Budget {
  private nodes = 0;
  private bytes = 0;
  private documents = 0;
  private certificates = 0;
  private words = 0;
  private readonly wordLists = new WeakSet<readonly unknown[]>();
  private readonly reused = new WeakMap<object, Map<string, { value: unknown; cost: Cost }>>();

  /** `count` more nodes: a scalar or a collection is 1, an alias the nodes of what it stands for. */
  spendNodes(count: number): void {
    this.nodes += count;
    if (this.nodes > LIMITS.maxExpandedNodes) {
      throw new LimitError(
        'maxExpandedNodes',
        `the request holds more than ${LIMITS.maxExpandedNodes} YAML nodes once aliases are expanded`,
      );
    }
  }

  /** `count` more characters of strings and keys made from the upload (an alias: those it stands for). */
  spendBytes(count: number): void {
    this.bytes += count;
    if (this.bytes > LIMITS.maxMaterializedBytes) {
      throw new LimitError(
        'maxMaterializedBytes',
        `the request's strings and keys add up to more than ${LIMITS.maxMaterializedBytes} characters once aliases and embedded documents are expanded`,
      );
    }
  }

  /** One more document: a YAML document, an item of a List, a document embedded in another. */
  spendDocument(): void {
    this.documents += 1;
    if (this.documents > LIMITS.maxDocuments) {
      throw new LimitError(
        'maxDocuments',
        `the request holds more than ${LIMITS.maxDocuments} documents (List items and embedded documents included)`,
      );
    }
  }

  /**
   * One more certificate read (a PEM block, a kubeconfig `*-data` certificate) and the `bytes` of DER it
   * decodes to: each is parsed and its signature checked later, the costliest step of a request.
   */
  spendCertificate(bytes: number): void {
    this.certificates += 1;
    if (this.certificates > LIMITS.maxCertificates) {
      throw new LimitError(
        'maxCertificates',
        `the request holds more than ${LIMITS.maxCertificates} certificates (PEM blocks and kubeconfig certificate data together)`,
      );
    }
    this.spendBytes(bytes);
  }

  /**
   * The words of one command line, before they become flags: each list once, so a command line read
   * twice (a kubelet's, for its drop-in directory and for its flags) costs once.
   */
  spendCommandLine(words: readonly unknown[]): void {
    if (this.wordLists.has(words)) return;
    this.checkCommandLineRoom(words.length);
    this.wordLists.add(words);
    this.words += words.length;
  }

  /** How many more command-line words the request takes. */
  commandLineRoom(): number {
    return LIMITS.maxCommandLineWords - this.words;
  }

  /** Stops the request if `count` more command-line words would breach the limit; charges nothing. */
  checkCommandLineRoom(count: number): void {
    if (count > this.commandLineRoom()) {
      throw new LimitError(
        'maxCommandLineWords',
        `the request's command lines hold more than ${LIMITS.maxCommandLineWords} words (flags and their values)`,
      );
    }
  }

  /** How many more nodes and characters the budget takes before it breaches a limit. */
  room(): { nodes: number; bytes: number } {
    return { nodes: LIMITS.maxExpandedNodes - this.nodes, bytes: LIMITS.maxMaterializedBytes - this.bytes };
  }

  /** A copy to try a parse on: it stops where this budget would, and charges nothing here until absorb(). */
  fork(): Budget {
    const trial = new Budget();
    trial.nodes = this.nodes;
    trial.bytes = this.bytes;
    trial.documents = this.documents;
    trial.certificates = this.certificates;
    trial.words = this.words;
    return trial;
  }

  /** Takes on what a fork spent, less `lessNodes` it counted that the result kept does not hold. */
  absorb(trial: Budget, lessNodes: number): void {
    this.nodes = trial.nodes - lessNodes;
    this.bytes = trial.bytes;
    this.documents = trial.documents;
    this.certificates = trial.certificates;
    this.words = trial.words;
  }

  /**
   * The result of `parse` for (`owner`, `field`): parsed once per request, and each later use (an alias of
   * the same object) charged what the parse cost, without parsing again.
   */
  once<T>(owner: object, field: string, parse: () => T): T {
    const byField = this.reused.get(owner) ?? new Map<string, { value: unknown; cost: Cost }>();
    this.reused.set(owner, byField);
    const done = byField.get(field);
    if (done) {
      this.spendNodes(done.cost.nodes);
      this.spendBytes(done.cost.bytes);
      for (let i = 0; i < done.cost.documents; i++) this.spendDocument();
      return done.value as T;
    }
    const before = { nodes: this.nodes, bytes: this.bytes, documents: this.documents };
    const value = parse();
    const cost = {
      nodes: this.nodes - before.nodes,
      bytes: this.bytes - before.bytes,
      documents: this.documents - before.documents,
    };
    byField.set(field, { value, cost });
    return value;
  }
}
