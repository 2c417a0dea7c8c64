# The error frame (src/exit.rs), the panic line, and the edge's own errors
# (src/cli/mod.rs, src/store, src/export, src/leftovers.rs).

error-line = synack: error: { $message }
error-panic = internal error ({ $what }{ $at }); this is a bug in synack, please report it
error-panic-at = { " " }at { $file }:{ $line }
error-panic-unknown = a panic
error-no-data-folder = cannot find a data folder for the database (set HOME, XDG_DATA_HOME or SYNACK_DB, or pass --db)
error-cannot-create-data-folder = cannot create the data folder { $path }
error-upgraded = synack: upgraded { $path } from schema v{ $from } to v{ $to }; the old file is kept as { $backup }
error-waiting = synack: { $path }: another synack is writing; waiting for it (up to { $seconds } s)
error-first-use = synack: first use: imported { $count ->
    [one] { $count } card
   *[other] { $count } cards
 } from the shipped decks into { $path }
error-file-exists = { $path } already exists; pass --force to overwrite it
error-not-regular-file = { $path } is { $kind }, not a regular file; --force replaces only regular files
error-cannot-write = cannot write { $path }
error-writer-panicked = the thread writing the file panicked

# The database (src/store).
store-not-sqlite = { $path }: not a SQLite database
store-read-only = { $path }: database is read-only
store-newer-schema = { $path }: schema version { $found } is newer than this synack understands ({ $supported }); upgrade synack
store-unknown-schema = { $path }: schema version { $found } is not one synack can open: { $why }; the file is left as it is
store-cannot-open = { $path }: cannot open database: { $reason }
store-busy = { $path }: database is busy (another synack is writing); try again
store-backup = { $path }: cannot keep a copy before upgrading the schema: { $reason }
store-unexpected-id = { $path }: a new card was stored as id { $got }, not { $expected }; nothing was written
store-not-a-folder = { $path } is not a folder
store-no-folder = folder { $path } does not exist
store-is-a-folder = is a folder, not a file
store-negative-version = no synack writes a negative version
store-tables-without-version = it has tables ({ $tables }) but no schema version; not a synack database, or its version was cleared
store-a-negative-version = a negative version
store-tables-of-version = its tables are those of version { $version }
store-tables-not-of-version = its tables are not those of version { $version }
store-bad-rating = stored rating { $rating } is not 1-4

# I/O errors: in English the system's own words are printed; these are
# only their kinds, for the catalog to have the same ids in both languages.
error-io-not-found = not found
error-io-permission-denied = permission denied
error-io-already-exists = already exists
error-io-is-a-directory = is a folder
error-io-not-a-directory = not a folder
error-io-storage-full = no space left on the device
error-io-read-only = read-only file system
error-io-invalid-data = invalid data
error-io-broken-pipe = broken pipe
error-io-os = { $what } (os error { $code })
