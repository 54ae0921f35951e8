# Sourced by the other scripts: tool paths. npm's wasm-opt (binaryen 132) must come before any
# system wasm-opt, because Debian's wasm-opt 108 silently breaks the module.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cd "$ROOT"
