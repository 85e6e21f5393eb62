/**
 * @file What a benchmark case is: a problem built at several sizes, its
 * plain-JS primal (the denominator of every ratio), the tasks it asks for
 * with their analytic answers, and a list of variants, one entry each.
 */

/** What a timed call hands back, as plain numbers: a scalar, a vector, or rows of a matrix. */
export type Output = number | ArrayLike<number> | readonly ArrayLike<number>[];

/** The arithmetic a variant computes in; it sets the tolerance its answer is checked to. */
export type Precision = 'float64' | 'float32';

/** Facts reported beside a time (a cost ledger, tape bytes), measured once and untimed. */
export type Note = Readonly<Record<string, number | string>>;

/** One variant made ready at one size. */
export interface Timed {
  /** One timed call: the whole computation, reading the result back to JS included. */
  readonly run: () => Output;
  /** Measured after timing, outside it. */
  readonly note?: () => Note;
  /** Frees what setup made (peer tensors, compiled functions). */
  readonly dispose?: () => void;
}

/** One way of computing one task: the unit a table row (and a fresh process) is made of. */
export interface Variant<P> {
  /** The row label; unique within its case. */
  readonly name: string;
  /** Which of the case's tasks it computes. */
  readonly task: string;
  /** 'float64' unless said otherwise. */
  readonly precision?: Precision;
  /** The largest size (by `Size.value`) it runs at; slow textbook engines stop early. */
  readonly upTo?: number;
  /** Only its note matters (a ledger): it is run and checked, not timed. */
  readonly untimed?: boolean;
  /** Makes the variant ready at one size; peers load and initialise here, untimed. */
  readonly setup: (problem: P) => Timed | Promise<Timed>;
}

/** A task: what is computed and how far an answer is from the analytic one. */
export interface Task<P> {
  /** Heads the task's table: 'gradient', 'one JVP', 'loss and gradient'. */
  readonly title: string;
  /** The relative error of `output` against the analytic answer (see lib/check.ts). */
  readonly error: (problem: P, output: Output) => number;
}

/** A size: its label in tables, and a number for plots and `upTo`. */
export interface Size {
  readonly label: string;
  readonly value: number;
}

export interface CaseDefinition<P, S extends Size> {
  /** Names the case on the command line and in tables; also its file name in cases/. */
  readonly id: string;
  readonly title: string;
  /** Markdown: what is computed, how, and what the ratio divides by. */
  readonly about: string;
  /** How the function is written, when a table merges two cases of one function ('scalar ops'). */
  readonly form?: string;
  readonly sizes: { readonly full: readonly S[]; readonly quick: readonly S[] };
  readonly problem: (size: S) => P;
  /** The plain-JS primal: the same function, written as a person would, timed in every process. */
  readonly primal: (problem: P) => () => number;
  readonly tasks: Readonly<Record<string, Task<P>>>;
  readonly variants: readonly Variant<P>[];
}

/** A variant as the harness sees it, without its problem type. */
export interface VariantInfo {
  readonly name: string;
  readonly task: string;
  readonly precision: Precision;
  readonly upTo: number;
  readonly untimed: boolean;
}

/** A case made ready at one size, in the process that measures it. */
export interface Prepared {
  readonly primal: () => number;
  readonly setup: (variant: string) => Promise<{ timed: Timed; error: (output: Output) => number }>;
}

/** A case as the harness sees it: its problem type hidden behind `prepare`. */
export interface Case {
  readonly id: string;
  readonly title: string;
  readonly about: string;
  readonly form: string;
  readonly tasks: Readonly<Record<string, { readonly title: string }>>;
  readonly variants: readonly VariantInfo[];
  readonly sizes: (quick: boolean) => readonly Size[];
  readonly prepare: (sizeIndex: number, quick: boolean) => Prepared;
}

/** Checks a case's definition and hides its problem type, so cases of every kind fit one list. */
export function defineCase<P, S extends Size>(definition: CaseDefinition<P, S>): Case {
  const { id, variants, tasks } = definition;
  const names = new Set<string>();
  for (const v of variants) {
    if (names.has(v.name)) throw new Error(`bench: ${id}: two variants named '${v.name}'`);
    names.add(v.name);
    if (!(v.task in tasks)) throw new Error(`bench: ${id}: '${v.name}' has no task '${v.task}'`);
  }
  const sizes = (quick: boolean) => (quick ? definition.sizes.quick : definition.sizes.full);
  return {
    id,
    title: definition.title,
    about: definition.about,
    form: definition.form ?? '',
    tasks,
    variants: variants.map((v) => ({
      name: v.name,
      task: v.task,
      precision: v.precision ?? 'float64',
      upTo: v.upTo ?? Number.POSITIVE_INFINITY,
      untimed: v.untimed ?? false,
    })),
    sizes,
    prepare(sizeIndex, quick) {
      const size = sizes(quick)[sizeIndex];
      if (size === undefined) throw new Error(`bench: ${id} has no size number ${sizeIndex}`);
      const problem = definition.problem(size);
      return {
        primal: definition.primal(problem),
        async setup(name) {
          const variant = variants.find((v) => v.name === name);
          if (variant === undefined) throw new Error(`bench: ${id} has no variant '${name}'`);
          const task = tasks[variant.task] as Task<P>;
          return {
            timed: await variant.setup(problem),
            error: (output) => task.error(problem, output),
          };
        },
      };
    },
  };
}
