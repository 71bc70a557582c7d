# shellcheck shell=bash
# Source this (`. .ci/use-node24.sh`): when the `node` on PATH is older than 24, it installs
# the official Node 24 binary from the npm registry package `node-linux-<arch>@24` (the
# binary is inside the tarball; nothing runs at install) into a tools folder outside the
# repo, and puts its bin first on PATH. npm keeps working: it runs on the `node` it finds.
# TICKLER_NODE_DIR overrides the folder (default ~/.cache/tickler-node24).

tickler_node_major() { "${1:-node}" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(tickler_node_major)" -lt 24 ]; then
  case "$(uname -m)" in
    x86_64) tickler_arch=x64 ;;
    aarch64 | arm64) tickler_arch=arm64 ;;
    *) echo "use-node24: no Node 24 package for $(uname -m); install Node 24 yourself" >&2; return 1 ;;
  esac
  tickler_node_dir="${TICKLER_NODE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/tickler-node24}"
  tickler_node_bin="$tickler_node_dir/node_modules/node-linux-$tickler_arch/bin"
  if [ "$(tickler_node_major "$tickler_node_bin/node")" -lt 24 ]; then
    echo "use-node24: $(node --version 2>/dev/null || echo 'no node') on PATH; installing node-linux-$tickler_arch@24 into $tickler_node_dir" >&2
    mkdir -p "$tickler_node_dir"
    npm install --prefix "$tickler_node_dir" --no-audit --no-fund --no-update-notifier --loglevel=error "node-linux-$tickler_arch@24" >&2 || return 1
  fi
  export PATH="$tickler_node_bin:$PATH"
  hash -r
  unset tickler_arch tickler_node_dir tickler_node_bin
fi
echo "use-node24: node $(node --version) at $(command -v node), npm $(npm --version)" >&2
