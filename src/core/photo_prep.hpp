// Listing photo preparation: a seller's single photo resized on the device before upload (the
// server makes its standard sizes with the same code), with hints the editor shows next to the
// photo (blurry, too dark, too small). Platform-free: the web app runs it in the browser after
// decoding the file, the server on what it receives.
//
// [SECTION] Options and quality
// [SECTION] Resizing (fitWithin, coverCrop)
// [SECTION] Quality hints (assess)
// [SECTION] All at once (prepare)
//
// Why each choice:
// - Resampling is the spin's (spin::resampleRegion: stb_image_resize's Mitchell filter, after a
//   whole-block average when shrinking 3× or more), so a listing photo and a spin frame of the
//   same car look alike, and there is one resampler to keep right. Never enlarged: an upscaled
//   photo only weighs more and shows nothing new.
// - Output is always 3 channels (RGB), ready for JPEG, which has no alpha. Alpha is composited
//   over white, not dropped: a camera photo is opaque (nothing changes), but a PNG with a
//   transparent background stores any colour under alpha 0 (often black), which dropping would
//   show; white is what a browser shows it on a white page.
// - Quality hints use absolute thresholds: a single photo has no spin to compare with (the spin
//   flags a frame against the spin's median, spin_prep.hpp method item 4). The measures are the
//   spin's (spin::sharpness, spin::meanLuminance), on a copy resampled to 1024 px longest side,
//   the whole frame: the Laplacian's variance depends on the scale it is taken at, so a 12 MP
//   original and its 1600 px version must be measured at one scale to compare with one
//   threshold. A photo smaller than that is measured as it is (not enlarged: that would read
//   as blur).
// - The blur threshold, 5 (luminance units² at mean 128; the spin's absolute floor is 5 too),
//   was calibrated through prepare on test images: the spin tests' drawn car on a plain
//   backdrop (the least detail a sharp photo has: flat paint, a bare studio wall), its car 280,
//   200 and 140 px high of 800 (35 % to 17 % of the frame's height), from 1280 and 3840 px
//   sources; and three real 600-720 px photos (a circuit board in two lights, a dark game
//   screenshot), each sharp and box-blurred. Sharp, the drawn car read 8-43 (lowest: the
//   smallest car from the large source, resampled twice and with little edge in the frame),
//   the real photos 1100-5100. Box-blurred about 5 px wide at the 1600 px viewing size (a
//   shaken or misfocused shot), the drawn car read 1-3.2. The real photos read 7.7-27 with an
//   11 px box (1.5-1.8 % of their width); with a 15 px box only the circuit board fell below 5.
//   So 5 flags none of the sharp photos, even the plainest, and flags a plain blurred one.
//   Known limit: a blurred photo full of texture (gravel, foliage, a circuit board) reads above
//   it. For a hint that is the safe side: a false "blurry" on a good photo costs the seller's
//   trust in the hints, a missed one is what happens without them.
// - Too dark: mean luminance below 40 of 255 (the spin's absolute floor): an evening or
//   underground-car-park shot where the paint's colour cannot be judged.
// - Too small: the source's shorter side below 600 px: a buyer zooming in on a 1600 px viewer
//   sees it soft whatever we do; judged on the source, not the prepared copy.
//
// Cost, measured natively (g++ 12 -O3, one core of the shared 2-core build VM): prepare of a
// 4000 × 3000 RGBA photo ~155 ms quiet, ~250 ms with a build running (resampling to 1600 ×
// 1200, then to 1024 × 768 for the measures). At 2.5× stb_image_resize reads the 12 MP itself:
// the spin's block average starts at 3× (a 2 × 2 block, leaving the filter 1.5×, so the filter
// still decides the look).
//
// Bad input (invalid image, zero or negative sizes) gives an empty Image (valid() == false)
// and no flags; nothing here throws for a bad image.
#pragma once

#include "core/spin_prep.hpp"

namespace dongelek::photo {

// [SECTION] Options and quality

inline constexpr int kThumbWidth = 320; // the listing card's thumbnail (coverCrop)
inline constexpr int kThumbHeight = 240;
inline constexpr int kMeasureLongest = 1024; // the scale the quality measures are taken at
inline constexpr int kMaxSide = 16384;       // coverCrop refuses larger outputs (a bad argument,
                                             // not a photo: 16384² RGB is 800 MB)

struct PrepOptions {
    int longestSide = 1600;    // the prepared photo's longest side, at most (never enlarged)
    int minShortSide = 600;    // a source whose shorter side is below this is "too small"
    double blurThreshold = 5;  // sharpness below this: blurry (see the header comment)
    double darkLuminance = 40; // mean luminance (0..255) below this: too dark
};

struct Quality {
    bool tooSmall = false;
    bool blurry = false;
    bool tooDark = false;
    double sharpness = 0; // spin::sharpness of the whole frame at kMeasureLongest, mean 128
    double luminance = 0; // mean luminance, 0..255

    bool any() const { return tooSmall || blurry || tooDark; }
};

// [SECTION] Resizing (fitWithin, coverCrop)

// `src` fitted within maxW × maxH keeping its aspect ratio, RGB. Never enlarged: a source that
// already fits is returned as it is, converted to 3 channels. An invalid source or a bound ≤ 0:
// an empty Image.
spin::Image fitWithin(const spin::Image& src, int maxW, int maxH);

// The centre of `src` cut to w:h's aspect ratio (the longer way trimmed equally on both sides),
// resized to exactly w × h, RGB: thumbnails, kThumbWidth × kThumbHeight. A smaller source is
// enlarged (a thumbnail has a fixed size). An invalid source, w or h ≤ 0 or above kMaxSide:
// an empty Image.
spin::Image coverCrop(const spin::Image& src, int w, int h);

// [SECTION] Quality hints (assess)

// Quality hints for one photo with absolute thresholds: blurry when its sharpness (whole frame,
// on a copy resampled to kMeasureLongest px longest side if larger) is below blurThreshold, too
// dark when its mean luminance is below darkLuminance, too small when its shorter side is below
// minShortSide. An invalid image: no flags, zero measures.
Quality assess(const spin::Image& img, const PrepOptions& o = {});

// [SECTION] All at once (prepare)

struct Prepared {
    spin::Image image; // RGB, longest side ≤ longestSide; empty for bad input
    Quality quality;
    spin::ImageSize source; // the decoded photo's size ({0, 0} for bad input)
};

// fitWithin(longestSide × longestSide) to RGB (alpha composited over white), then assess on
// the prepared image, with tooSmall judged from the source's size. Bad input (or longestSide
// ≤ 0): an empty image and no flags.
Prepared prepare(const spin::Image& decoded, const PrepOptions& o = {});

} // namespace dongelek::photo
