// The tool's version, in reports and --version (its own module: commands import it without
// importing main, which imports them).
export const VERSION = '0.1.0';
