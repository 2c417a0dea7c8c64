//! The `synack` binary: parse arguments, run the library, map the result to an exit code.

use clap::Parser;

// An import allocates strings for every card on the parsing threads and frees
// them on the writing one: glibc's malloc and free were about 15% of a fresh
// import's instructions; with mimalloc the import runs 7% fewer in all
// (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    let cli = synack::cli::Cli::parse();
    synack::exit::report(synack::run(cli))
}
