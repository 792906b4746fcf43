// Types of env.mjs for the TypeScript tests.
export declare const root: string;
export declare const jupyterDir: string;
export declare const kernelName: string;
export declare const kernelSpecPath: string;
export declare const tslabBin: string;
export declare function kernelSpec(): { argv: string[]; display_name: string; language: string };
export declare function jupyterEnv(extra?: Record<string, string>): NodeJS.ProcessEnv;
export declare function findJupyterPython(): string | undefined;
export declare function hasJupyterCommands(): boolean;
export declare function findChromium(): string | undefined;
export declare const jupyterConfigDir: string;
export declare const nbextensionName: string;
