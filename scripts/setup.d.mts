// Types of setup.mjs for the TypeScript tests.
export type OsRelease = Record<string, string>;
export declare function parseOsRelease(text: string): OsRelease;
export declare function isDebianLike(os: OsRelease): boolean;
export declare function aptPackages(lack: string[], os: OsRelease): string[];
export declare function manualCommand(lack: string[], os?: OsRelease, platform?: string): string;
export declare function installSystemPackages(): void;
export declare function registerKernel(): boolean;
export declare function installNbextension(): boolean;
export declare function setup(): void;
