/** @file TypeDoc and its Markdown plugin, loaded with the TypeScript TypeDoc supports (this folder's own). */

export * as typedoc from 'typedoc';
