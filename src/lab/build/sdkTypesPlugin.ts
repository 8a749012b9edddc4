import type { Plugin } from 'vite';
import { collectSdkTypes } from './sdkTypes.ts';

const ID = 'virtual:sdk-types';

/** `virtual:sdk-types`: the SDK's declaration files, a chunk the lab loads after the editor shows. */
export function sdkTypesPlugin(options: { projectRoot: string }): Plugin {
  let files: Record<string, string> | undefined;
  return {
    name: 'secrets-lab-sdk-types',
    resolveId: (id) => (id === ID ? `\0${ID}` : undefined),
    load(id) {
      if (id !== `\0${ID}`) return undefined;
      files ??= collectSdkTypes(options.projectRoot);
      // JSON.parse of a string literal is faster to load than the same object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(files))});`;
    },
  };
}
