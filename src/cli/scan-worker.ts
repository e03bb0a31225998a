/** Placeholder: replaced by the `--jobs` worker. */
export {};
