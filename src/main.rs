//! The `synack` binary: parse arguments, run the library, map the result to an exit code.

// An import allocates strings for every card on the parsing threads and frees
// them on the writing one: glibc's malloc and free were about 15% of a fresh
// import's instructions; with mimalloc the import runs 7% fewer in all
// (BENCHMARKS.md). Without transparent huge pages (`no_thp`): with them each
// process zeroed a 2 MiB page at start (+1.9 ms for `synack demo`, now
// +0.8 ms) and a json export held 140 MB more.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    synack::exit::on_panic_one_line();
    // A panic is a defect, but the user still gets one line and exit 1.
    std::panic::catch_unwind(|| synack::exit::report(synack::cli::parse().and_then(synack::run)))
        .unwrap_or_else(|_| std::process::ExitCode::from(synack::exit::FAILURE))
}
