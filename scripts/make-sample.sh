#!/usr/bin/env bash
# Makes public/sample.mp4, the video behind "Open sample": 10 s of ffmpeg's test pattern with a
# frame counter and a 440 Hz tone, H.264/AAC, a keyframe every second. Needs native ffmpeg.
set -euo pipefail
cd "$(dirname "$0")/.."
ffmpeg -v error -y \
  -f lavfi -i "testsrc=size=640x360:rate=25:duration=10" \
  -f lavfi -i "sine=frequency=440:sample_rate=48000:duration=10" \
  -c:v libx264 -preset medium -crf 30 -g 25 -keyint_min 25 -sc_threshold 0 -pix_fmt yuv420p \
  -c:a aac -ac 2 -b:a 64k -movflags +faststart -map_metadata -1 -fflags +bitexact \
  public/sample.mp4
ls -l public/sample.mp4
