//! The `synack` binary: parse arguments, run the library, map the result to an exit code.

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = synack::cli::Cli::parse();
    synack::exit::report(synack::run(cli))
}
