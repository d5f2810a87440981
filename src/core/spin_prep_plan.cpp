// Spin preparation, step 2 (spin_prep.hpp): flags each frame against the whole spin and
// frames every shot alike (one car height, one anchor point, the output's aspect ratio).
//
// [SECTION] Helpers
// [SECTION] Order check
// [SECTION] Framing boxes
// [SECTION] planSpin
#include "spin_prep.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace dongelek::spin {

namespace {

// A swap of neighbours counts only if no step of the swapped run is longer than this × the
// typical step around it: the car turns faster in some parts of the spin (head-on the steps
// double within a few frames), but a misplaced frame's step is several times longer still.
constexpr double kSwappedRunStep = 2.5;

// [SECTION] Helpers

double medianOf(std::vector<double> values)
{
    if (values.empty())
        return 0;
    const auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
    std::nth_element(values.begin(), middle, values.end());
    return *middle;
}

ImageSize sizeFor(int longest, const SpinOptions& options)
{
    const int aw = std::max(1, options.aspectWidth), ah = std::max(1, options.aspectHeight);
    longest = std::max(1, longest);
    if (aw >= ah)
        return {longest, std::max(1, static_cast<int>(std::lround(static_cast<double>(longest) * ah / aw)))};
    return {std::max(1, static_cast<int>(std::lround(static_cast<double>(longest) * aw / ah))), longest};
}

// value[i] interpolated linearly from the nearest known entries before and after it (around
// the loop when the spin is closed); NaN when nothing is known.
double interpolate(const std::vector<double>& value, const std::vector<char>& known, int i, bool loop)
{
    const int n = static_cast<int>(value.size());
    int before = -1, after = -1, dBefore = 0, dAfter = 0;
    for (int d = 1; d < n; ++d) {
        int j = i - d;
        if (j < 0) {
            if (!loop)
                break;
            j += n;
        }
        if (known[j]) {
            before = j;
            dBefore = d;
            break;
        }
    }
    for (int d = 1; d < n; ++d) {
        int j = i + d;
        if (j >= n) {
            if (!loop)
                break;
            j -= n;
        }
        if (known[j]) {
            after = j;
            dAfter = d;
            break;
        }
    }
    if (before >= 0 && after >= 0)
        return (value[before] * dAfter + value[after] * dBefore) / (dBefore + dAfter);
    if (before >= 0)
        return value[before];
    if (after >= 0)
        return value[after];
    return std::numeric_limits<double>::quiet_NaN();
}

// [SECTION] Order check

// Mean squared difference of two signatures (each the luminance relative to its mean): 0 for
// the same view, growing as the views part.
double signatureDistance(const FrameAnalysis& a, const FrameAnalysis& b)
{
    double s = 0;
    for (std::size_t i = 0; i < a.signature.size(); ++i) {
        const double d = static_cast<double>(a.signature[i]) - b.signature[i];
        s += d * d;
    }
    return s / static_cast<double>(a.signature.size());
}

// A frame is out of order when the path through the signatures, taken in capture order,
// gets clearly shorter by either
//   - moving the frame to another place (a frame shot late, or two far-apart frames swapped:
//     each is near another part of the spin and far from both its neighbours), or
//   - swapping it with the next frame (two neighbours swapped: each is still next to one of
//     its true neighbours, so "closer to a non-neighbour than to its neighbours" misses them).
// "Clearly": by more than orderMargin median steps and orderMinGain. A smoothly turning car
// never gains: a frame's neighbours are the views nearest to it, with one exception that the
// gates below handle. Head-on and tail-on, the views either side are mirror images with the
// same silhouette, so they are closer to each other than to the view between them, and a
// front three-quarter view has much the silhouette of the rear three-quarter view from the
// same side. So a frame is only moved when it is unlike both neighbours (orderUnlike × the
// typical step around it), and a swap only counts when the swapped run has no large step left.
// Neighbours swapped where the car is side-on or head-on (the views either side nearly alike)
// are not found: nothing in the images tells them apart.
void flagOrder(const std::vector<FrameAnalysis>& analyses, const std::vector<int>& seq, const SpinOptions& options,
               std::vector<FramePlan>& plans)
{
    const int n = static_cast<int>(seq.size());
    if (n < 6) // too few views to tell a misplaced frame from a fast turn
        return;
    const bool loop = options.closedLoop;
    std::vector<double> dist(static_cast<std::size_t>(n) * n, 0.0);
    for (int p = 0; p < n; ++p)
        for (int q = p + 1; q < n; ++q)
            dist[static_cast<std::size_t>(p) * n + q] = dist[static_cast<std::size_t>(q) * n + p] =
                signatureDistance(analyses[seq[p]], analyses[seq[q]]);
    const auto D = [&](int p, int q) { return dist[static_cast<std::size_t>(p) * n + q]; };
    const auto prev = [&](int p) { return p > 0 ? p - 1 : (loop ? n - 1 : -1); };
    const auto next = [&](int p) { return p + 1 < n ? p + 1 : (loop ? 0 : -1); };

    std::vector<double> steps(static_cast<std::size_t>(n), -1.0); // steps[p]: p to next(p)
    std::vector<double> valid;
    for (int p = 0; p < n; ++p)
        if (next(p) >= 0) {
            steps[p] = D(p, next(p));
            valid.push_back(steps[p]);
        }
    const double step = medianOf(valid);
    // The typical step around positions first .. first + count - 1: the median of the steps
    // within five of them that touch none of them, so a misplaced frame nearby does not inflate
    // it. The car turns faster in some parts of the spin than others (head-on, the silhouette
    // changes fastest).
    const auto localStep = [&](int first, int count) {
        const auto inside = [&](int j) {
            const int offset = loop ? ((j - first) % n + n) % n : j - first;
            return offset >= 0 && offset < count;
        };
        std::vector<double> near;
        for (int d = -5; d < count + 5; ++d) {
            int j = first + d;
            if (loop)
                j = (j % n + n) % n;
            if (j < 0 || j >= n || steps[j] < 0 || inside(j) || inside(next(j)))
                continue;
            near.push_back(steps[j]);
        }
        return near.empty() ? step : medianOf(near);
    };

    // Moving frame p elsewhere, judged as if position `gone` (or none, -1) were not in the
    // sequence: what leaving its place saves minus the cheapest other place; 0 unless p is
    // unlike both neighbours.
    const auto moveGain = [&](int p, int gone) {
        const auto before = [&](int q) {
            const int r = prev(q);
            return r == gone && r >= 0 ? prev(r) : r;
        };
        const auto after = [&](int q) {
            const int r = next(q);
            return r == gone && r >= 0 ? next(r) : r;
        };
        const int a = before(p), b = after(p);
        const double nearest = std::min(a >= 0 ? D(a, p) : 1e9, b >= 0 ? D(p, b) : 1e9);
        if (nearest <= options.orderUnlike * localStep(p, 1))
            return 0.0;
        double saved = (a >= 0 ? D(a, p) : 0.0) + (b >= 0 ? D(p, b) : 0.0);
        if (a >= 0 && b >= 0)
            saved -= D(a, b);
        double cheapest = std::numeric_limits<double>::infinity();
        for (int q = 0; q < n; ++q) {
            const int r = after(q);
            if (q == gone || r < 0 || q == p || r == p)
                continue;
            cheapest = std::min(cheapest, D(q, p) + D(p, r) - D(q, r));
        }
        if (!loop) {
            // The open ends, unless that is where the frame already is.
            const int first = gone == 0 ? 1 : 0, last = gone == n - 1 ? n - 2 : n - 1;
            if (p != first)
                cheapest = std::min(cheapest, D(p, first));
            if (p != last)
                cheapest = std::min(cheapest, D(p, last));
        }
        return std::isfinite(cheapest) ? std::max(0.0, saved - cheapest) : 0.0;
    };
    std::vector<double> moved(static_cast<std::size_t>(n));
    for (int p = 0; p < n; ++p)
        moved[p] = moveGain(p, -1);
    // A frame next to a stronger suspect is judged again with that suspect taken out: beside a
    // misplaced frame, its neighbour is "unlike both neighbours" too, through no fault of its own.
    std::vector<double> gain = moved;
    for (int p = 0; p < n; ++p) {
        for (int q : {prev(p), next(p)})
            if (q >= 0 && moved[q] > moved[p])
                gain[p] = std::min(gain[p], moveGain(p, q));
    }
    const double threshold = std::max(options.orderMargin * step, options.orderMinGain);
    std::vector<double> swapGains(static_cast<std::size_t>(n), 0.0);
    // Swapping neighbours p and q, when the swapped run a q p b then looks like any other run,
    // and moving p or q alone does not explain it better (next to a misplaced frame, swapping
    // it towards a look-alike shortens the path too; the neighbour is not to blame).
    for (int p = 0; p < n; ++p) {
        const int q = next(p);
        if (q < 0)
            continue;
        const int a = prev(p), b = next(q);
        const double longest = std::max({a >= 0 ? D(a, q) : 0.0, D(q, p), b >= 0 ? D(p, b) : 0.0});
        if (longest > kSwappedRunStep * localStep(p, 2))
            continue;
        const double now = (a >= 0 ? D(a, p) : 0.0) + (b >= 0 ? D(q, b) : 0.0);
        const double swapped = (a >= 0 ? D(a, q) : 0.0) + (b >= 0 ? D(p, b) : 0.0);
        const double swapGain = now - swapped;
        if (swapGain <= std::max(gain[p], gain[q]) && std::max(gain[p], gain[q]) > threshold)
            continue;
        swapGains[p] = std::max(swapGains[p], swapGain);
        swapGains[q] = std::max(swapGains[q], swapGain);
    }
    for (int p = 0; p < n; ++p) {
        const double best = std::max(gain[p], swapGains[p]);
        FramePlan& plan = plans[seq[p]];
        plan.orderGain = step > 0 ? best / step : 0.0;
        plan.flags.outOfOrder = best > threshold;
    }
}

// [SECTION] Framing boxes

struct Box {
    double x0, y0, x1, y1; // source pixels
    double height() const { return y1 - y0; }
    double width() const { return x1 - x0; }
};

// The box each frame is framed by. An uncut car's own box; a car cut off on one axis keeps its
// box on the other axis, and the cut axis is rebuilt from the neighbours' aspect ratio and the
// uncut edge; a missing car, or one cut on both axes, gets its neighbours' box (in fractions of
// the frame: the camera moves little between neighbouring shots).
std::vector<Box> framingBoxes(const std::vector<FrameAnalysis>& analyses, bool loop)
{
    const int n = static_cast<int>(analyses.size());
    std::vector<char> good(static_cast<std::size_t>(n), 0);
    std::vector<double> cx(n), cy(n), w(n), h(n), aspect(n);
    bool anyGood = false;
    for (int i = 0; i < n; ++i) {
        const FrameAnalysis& a = analyses[i];
        good[i] = a.carFound && !a.cut.any() && a.size.width > 0 && a.size.height > 0;
        if (!good[i])
            continue;
        anyGood = true;
        cx[i] = a.car.centreX() / a.size.width;
        cy[i] = a.car.centreY() / a.size.height;
        w[i] = static_cast<double>(a.car.width()) / a.size.width;
        h[i] = static_cast<double>(a.car.height()) / a.size.height;
        aspect[i] = static_cast<double>(a.car.width()) / a.car.height();
    }

    std::vector<Box> boxes(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        const FrameAnalysis& a = analyses[i];
        const double W = std::max(1, a.size.width), H = std::max(1, a.size.height);
        const PixelBox& b = a.car;
        Box box{0, 0, W, H}; // no car anywhere: the whole frame
        if (good[i]) {
            boxes[i] = {double(b.left), double(b.top), double(b.right), double(b.bottom)};
            continue;
        }
        if (!anyGood) {
            if (a.carFound)
                box = {double(b.left), double(b.top), double(b.right), double(b.bottom)};
            boxes[i] = box;
            continue;
        }
        const bool heightOk = a.carFound && !a.cut.top && !a.cut.bottom;
        const bool widthOk = a.carFound && !a.cut.left && !a.cut.right;
        const double ratio = interpolate(aspect, good, i, loop);
        if (heightOk && !widthOk) {
            const double bw = std::max<double>(b.width(), b.height() * ratio);
            box = {double(b.left), double(b.top), double(b.right), double(b.bottom)};
            if (a.cut.left && !a.cut.right)
                box.x0 = box.x1 - bw;
            else if (a.cut.right && !a.cut.left)
                box.x1 = box.x0 + bw;
            else
                box = {b.centreX() - bw / 2, box.y0, b.centreX() + bw / 2, box.y1};
        } else if (widthOk && !heightOk) {
            const double bh = std::max<double>(b.height(), b.width() / ratio);
            box = {double(b.left), double(b.top), double(b.right), double(b.bottom)};
            if (a.cut.top && !a.cut.bottom)
                box.y0 = box.y1 - bh;
            else if (a.cut.bottom && !a.cut.top)
                box.y1 = box.y0 + bh;
            else
                box = {box.x0, b.centreY() - bh / 2, box.x1, b.centreY() + bh / 2};
        } else {
            const double icx = interpolate(cx, good, i, loop) * W, icy = interpolate(cy, good, i, loop) * H;
            const double iw = interpolate(w, good, i, loop) * W, ih = interpolate(h, good, i, loop) * H;
            box = {icx - iw / 2, icy - ih / 2, icx + iw / 2, icy + ih / 2};
        }
        boxes[i] = box;
    }
    return boxes;
}

} // namespace

// [SECTION] planSpin

SpinPlan planSpin(const std::vector<FrameAnalysis>& analyses, const SpinOptions& options)
{
    SpinPlan plan;
    const int n = static_cast<int>(analyses.size());
    plan.full = sizeFor(options.fullLongest, options);
    plan.medium = sizeFor(options.mediumLongest, options);
    plan.cell = sizeFor(options.cellLongest, options);
    plan.channels = options.outputChannels == 3 ? 3 : 4;
    if (n == 0)
        return plan;
    plan.atlasColumns = options.atlasColumns > 0 ? std::min(options.atlasColumns, n)
                                                 : static_cast<int>(std::ceil(std::sqrt(static_cast<double>(n))));
    plan.atlasRows = (n + plan.atlasColumns - 1) / plan.atlasColumns;
    plan.atlas = {plan.atlasColumns * plan.cell.width, plan.atlasRows * plan.cell.height};
    plan.frames.resize(static_cast<std::size_t>(n));

    // Flags. The relative measures compare with frames that have a car (a frame without one is
    // measured over the whole frame, not the car).
    std::vector<double> sharp, luma;
    std::vector<int> wholeCar;
    for (int i = 0; i < n; ++i) {
        luma.push_back(analyses[i].meanLuminance);
        if (analyses[i].carFound)
            sharp.push_back(analyses[i].sharpness);
        if (analyses[i].carFound && !analyses[i].cut.any())
            wholeCar.push_back(i);
    }
    if (sharp.empty())
        for (const FrameAnalysis& a : analyses)
            sharp.push_back(a.sharpness);
    const double medianSharpness = medianOf(sharp);
    const double medianLuma = medianOf(luma);
    for (int i = 0; i < n; ++i) {
        const FrameAnalysis& a = analyses[i];
        FramePlan& f = plan.frames[i];
        f.flags.carNotFound = !a.carFound;
        f.flags.cutOff = a.carFound && a.cut.any();
        f.relativeSharpness = medianSharpness > 0 ? a.sharpness / medianSharpness : 0.0;
        f.relativeLuminance = medianLuma > 0 ? a.meanLuminance / medianLuma : 0.0;
        f.flags.blurry = f.relativeSharpness < options.blurRelative || a.sharpness < options.blurFloor;
        f.flags.tooDark = a.meanLuminance < options.darkLuminance || f.relativeLuminance < options.darkRelative;
    }
    // The order among the frames with the whole car in them: without a car the signature is of
    // the whole frame, and a cut-off car's is centred on the part that shows.
    flagOrder(analyses, wholeCar, options, plan.frames);

    // Framing. Heights: each frame's own (PerFrameHeight), but one that jumps more than 10 %
    // against the median of its five-frame neighbourhood is taken from that median: no real
    // walk changes the distance that much between two shots, a passer-by merged into the mask
    // or a shadow does.
    const std::vector<Box> boxes = framingBoxes(analyses, options.closedLoop);
    std::vector<double> heights(static_cast<std::size_t>(n));
    std::vector<double> relHeights(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        heights[i] = std::max(1.0, boxes[i].height());
        relHeights[i] = heights[i] / std::max(1, analyses[i].size.height);
    }
    if (options.scale == ScaleMode::PerFrameHeight && n >= 5) {
        for (int i = 0; i < n; ++i) {
            std::vector<double> window;
            for (int d = -2; d <= 2; ++d) {
                int j = i + d;
                if (options.closedLoop)
                    j = (j + n) % n;
                if (j >= 0 && j < n)
                    window.push_back(relHeights[j]);
            }
            const double m = medianOf(window);
            if (m > 0 && std::fabs(relHeights[i] / m - 1.0) > 0.10)
                heights[i] = m * std::max(1, analyses[i].size.height);
        }
    }
    const double uniformHeight = medianOf(heights);

    // In "car heights" (each frame scaled so its car is 1 high): the anchor's offsets to the
    // box edges, so the crop can hold every frame's car.
    std::vector<double> k(static_cast<std::size_t>(n)), ax(n), ay(n), halfW(n);
    double above = 0, below = 0;
    for (int i = 0; i < n; ++i) {
        const Box& b = boxes[i];
        k[i] = 1.0 / (options.scale == ScaleMode::Uniform ? uniformHeight : heights[i]);
        ax[i] = 0.5 * (b.x0 + b.x1);
        ay[i] = options.anchor == Anchor::BottomCentre ? b.y1 : 0.5 * (b.y0 + b.y1);
        halfW[i] = 0.5 * b.width() * k[i];
        above = std::max(above, (ay[i] - b.y0) * k[i]);
        below = std::max(below, (b.y1 - ay[i]) * k[i]);
    }
    // The widest car sets the crop, except a width over 1.6× the median: a car is at most ~2.5×
    // wider side-on than head-on and diagonal views are as wide as side views, so such a box
    // has something else in it; that frame's extra is cut rather than every car made smaller.
    const double medianHalfW = medianOf(halfW);
    double widest = 0;
    for (int i = 0; i < n; ++i)
        if (halfW[i] <= 1.6 * medianHalfW)
            widest = std::max(widest, halfW[i]);
    const double free = std::clamp(1.0 - 2.0 * options.margin, 0.05, 1.0);
    const double contentW = 2.0 * widest, contentH = above + below;
    double cropW = contentW / free, cropH = contentH / free;
    const double aspect = static_cast<double>(plan.full.width) / plan.full.height;
    if (cropW < cropH * aspect)
        cropW = cropH * aspect;
    else
        cropH = cropW / aspect;
    const double pixelsPerHeight = plan.full.width / cropW; // output pixels per car height
    plan.anchorX = 0.5 * plan.full.width;
    plan.anchorY = (0.5 * (cropH - contentH) + above) * pixelsPerHeight;
    plan.carHeight = pixelsPerHeight;

    for (int i = 0; i < n; ++i) {
        FramePlan& f = plan.frames[i];
        f.scale = pixelsPerHeight * k[i];
        f.cropX = ax[i] - plan.anchorX / f.scale;
        f.cropY = ay[i] - plan.anchorY / f.scale;
        f.cropWidth = plan.full.width / f.scale;
        f.cropHeight = plan.full.height / f.scale;
        if (f.flags.any())
            ++plan.flaggedFrames;
    }
    return plan;
}

} // namespace dongelek::spin
