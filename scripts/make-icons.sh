#!/usr/bin/env bash
# Renders the app's PNG icons from the SVGs in public/icons/ (the manifest lists both). Needs
# native ffmpeg built with librsvg, as Debian's is.
set -euo pipefail
cd "$(dirname "$0")/../public/icons"
render() { ffmpeg -v error -y -i "$1" -vf "scale=$2:$2:flags=lanczos" -frames:v 1 -update 1 "$3"; }
render icon.svg 192 icon-192.png
render icon.svg 512 icon-512.png
render icon-maskable.svg 512 icon-maskable-512.png
ls -l ./*.png
