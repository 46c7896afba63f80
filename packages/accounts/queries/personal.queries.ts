/** Types generated for queries found in "queries/personal.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type BufferArray = (Buffer)[];

export type stringArray = (string)[];

/** 'SealPersonal' parameters type */
export interface ISealPersonalParams {
  plain: stringArray;
}

/** 'SealPersonal' return type */
export interface ISealPersonalResult {
  n: number;
  sealed: Buffer | null;
}

/** 'SealPersonal' query type */
export interface ISealPersonalQuery {
  params: ISealPersonalParams;
  result: ISealPersonalResult;
}

const sealPersonalIR: any = {"usedParamSet":{"plain":true},"params":[{"name":"plain","required":true,"transform":{"type":"scalar"},"locs":[{"a":73,"b":79}]}],"statement":"select u.n::int as \"n!\", app.encrypt_personal(u.v) as sealed\nfrom unnest(:plain!::text[]) with ordinality as u (v, n)\norder by u.n                                                                                                                                                                                                         "};

/**
 * Query generated from SQL:
 * ```
 * select u.n::int as "n!", app.encrypt_personal(u.v) as sealed
 * from unnest(:plain!::text[]) with ordinality as u (v, n)
 * order by u.n                                                                                                                                                                                                         
 * ```
 */
export const sealPersonal = new PreparedQuery<ISealPersonalParams,ISealPersonalResult>(sealPersonalIR);


/** 'OpenPersonal' parameters type */
export interface IOpenPersonalParams {
  sealed: BufferArray;
}

/** 'OpenPersonal' return type */
export interface IOpenPersonalResult {
  n: number;
  opened: string | null;
}

/** 'OpenPersonal' query type */
export interface IOpenPersonalQuery {
  params: IOpenPersonalParams;
  result: IOpenPersonalResult;
}

const openPersonalIR: any = {"usedParamSet":{"sealed":true},"params":[{"name":"sealed","required":true,"transform":{"type":"scalar"},"locs":[{"a":73,"b":80}]}],"statement":"select u.n::int as \"n!\", app.decrypt_personal(u.v) as opened\nfrom unnest(:sealed!::bytea[]) with ordinality as u (v, n)\norder by u.n"};

/**
 * Query generated from SQL:
 * ```
 * select u.n::int as "n!", app.decrypt_personal(u.v) as opened
 * from unnest(:sealed!::bytea[]) with ordinality as u (v, n)
 * order by u.n
 * ```
 */
export const openPersonal = new PreparedQuery<IOpenPersonalParams,IOpenPersonalResult>(openPersonalIR);


