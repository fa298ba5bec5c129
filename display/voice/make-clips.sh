#!/usr/bin/env bash
# Makes the word clips the hall display composes its announcements from.
#
# Run once by a developer when a word is added to ru/clips.tsv or en/clips.tsv; the
# resulting WAV files are committed, so building and running the display needs neither
# espeak-ng nor sox. Needs: espeak-ng and sox (Debian: apt-get install espeak-ng sox).
#
# Each clip: espeak-ng's voice, resampled to 16 kHz mono 16-bit, silence trimmed at both
# ends (the display inserts its own pauses), loudness normalised to -3 dBFS.
set -euo pipefail
cd "$(dirname "$0")"

for tool in espeak-ng sox; do
    command -v "$tool" >/dev/null || { echo "make-clips.sh needs $tool" >&2; exit 1; }
done

make_voice() {
    local dir=$1 voice=$2 speed=$3 letter_speed=$4
    local raw
    raw=$(mktemp --suffix=.wav)
    rm -f "$dir"/*.wav
    while IFS=$'\t' read -r stem word say; do
        [[ -z "$stem" || "$stem" == \#* ]] && continue
        # Letter names are said slower: a short word is easily missed in a hall.
        local rate=$speed
        [[ "$stem" == letter-* ]] && rate=$letter_speed
        espeak-ng -v "$voice" -s "$rate" -w "$raw" "${say:-$word}"
        sox -D "$raw" -r 16000 -c 1 -b 16 "$dir/$stem.wav" \
            silence 1 0.01 0.5% reverse silence 1 0.01 0.5% reverse norm -3
    done < "$dir/clips.tsv"
    rm -f "$raw"
    echo "$dir: $(ls "$dir"/*.wav | wc -l) clips, $(du -sh "$dir" | cut -f1)"
}

make_voice ru ru 140 100
make_voice en en-gb 150 120
