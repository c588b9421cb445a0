#!/usr/bin/env bash
# Draws the toolbar icons (16x16 and 32x32 "@2x" PNGs) with ImageMagick: Herald's own simple
# shapes, no artwork from elsewhere. Run from this folder after changing a shape; the PNGs are committed.
set -eu
blue='#2b6cb0'; dark='#1a365d'; paper='#f7fafc'
draw() { # name, then ImageMagick drawing options on a 64x64 transparent canvas
  local name=$1; shift
  convert -size 64x64 xc:none -strokewidth 5 -stroke "$blue" -fill none "$@" "$name-64.png"
  convert "$name-64.png" -filter Lanczos -resize 16x16 "$name.png"
  convert "$name-64.png" -filter Lanczos -resize 32x32 "$name@2x.png"
  rm "$name-64.png"
}
# compose: a sheet with lines of text and a pencil across its corner
draw compose -fill "$paper" -draw "rectangle 8,6 44,58" -stroke "$dark" -strokewidth 4 \
  -draw "line 15,18 37,18" -draw "line 15,28 37,28" -draw "line 15,38 28,38" \
  -stroke "$blue" -strokewidth 8 -draw "line 30,52 56,24" -fill "$blue" -strokewidth 1 -draw "polygon 26,56 28,48 34,54"
# reply: an arrow bending back to the left
draw reply -strokewidth 8 -draw "path 'M 56,52 C 56,28 44,24 24,24'" -fill "$blue" -strokewidth 1 -draw "polygon 6,24 26,8 26,40"
# scan: a magnifying glass
draw scan -strokewidth 7 -draw "circle 26,26 26,8" -stroke "$dark" -strokewidth 10 -draw "line 40,40 56,56"
# refresh: a circular arrow
draw refresh -strokewidth 7 -draw "arc 10,10 54,54 40,320" -fill "$blue" -strokewidth 1 -draw "polygon 42,4 58,20 40,26"
# check exposure: a shield with a tick
draw exposure -fill "$paper" -draw "path 'M 32,4 L 56,12 L 56,30 C 56,46 44,56 32,60 C 20,56 8,46 8,30 L 8,12 Z'" \
  -stroke "$dark" -strokewidth 6 -draw "polyline 20,32 29,41 45,22"
