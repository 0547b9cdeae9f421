#!/bin/sh
# run-at.sh COMMIT COMMAND… runs COMMAND in this bench module placed beside
# tread exactly as committed at COMMIT, whatever is half-edited in the working
# tree: it exports that commit to a temporary folder, copies this folder in as
# its bench/, and runs there with TREAD_CORPUS and TREAD_COMMIT set.
#
#	./run-at.sh HEAD go run ./cmd/compare -count 5
#	./run-at.sh HEAD go test -run '^$' -bench Extract -benchmem -count 6 .
set -eu
if [ $# -lt 2 ]; then
	echo "usage: $0 COMMIT COMMAND..." >&2
	exit 2
fi
commit=$1
shift
here=$(cd "$(dirname "$0")" && pwd)
root=$(git -C "$here" rev-parse --show-toplevel)
if [ -z "${TREAD_CORPUS:-}" ]; then
	# shared/corpus beside the checkout, or beside its parent for a worktree
	# kept one folder deeper (work/wt/name).
	TREAD_CORPUS=$(cd "$root/.." && pwd)/shared/corpus
	[ -d "$TREAD_CORPUS" ] || TREAD_CORPUS=$(cd "$root/../.." && pwd)/shared/corpus
fi
TREAD_COMMIT="$(git -C "$root" log -1 --format='%h' "$commit"); extract/ as of $(git -C "$root" log -1 --format='%h %cI "%s"' "$commit" -- extract)"
export TREAD_CORPUS TREAD_COMMIT
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git -C "$root" archive "$commit" | tar -x -C "$tmp"
rm -rf "$tmp/bench"
cp -R "$here" "$tmp/bench"
cd "$tmp/bench"
"$@"
