/** Loads the real undici into the shim; call before anything uses undici (Octokit). */
export declare function preload(): Promise<unknown>
