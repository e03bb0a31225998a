/**
 * The built-in packs' data as parsed at build time, as JSON by pack name: the bundled CLI
 * (scripts/bundle.mjs replaces this module) then runs no YAML parser for them at start-up, where
 * parsing default.yml cold was ~13 ms of a 190 ms empty-folder scan. Undefined here (tsc's build, the
 * tests): the packs are parsed from policies/*.yml. Positions in a pack are still read from its YAML,
 * when a message needs one.
 */
export const packData: ReadonlyMap<string, string> | undefined = undefined;
