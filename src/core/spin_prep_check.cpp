// The server's check of an uploaded, already prepared spin (spin_prep.hpp): frame count,
// sizes and the atlas grid, from image sizes alone (no pixels are decoded for it).
#include "spin_prep.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

namespace dongelek::spin {

namespace {

// One row per code: adding a code means adding a row here (and the enum value).
struct ProblemName {
    SpinProblemCode code;
    const char* name;
};
constexpr ProblemName kProblemNames[] = {
    {SpinProblemCode::TooFewFrames, "too_few_frames"},
    {SpinProblemCode::TooManyFrames, "too_many_frames"},
    {SpinProblemCode::FrameEmpty, "frame_empty"},
    {SpinProblemCode::FrameSizeMismatch, "frame_size_mismatch"},
    {SpinProblemCode::FrameTooLarge, "frame_too_large"},
    {SpinProblemCode::FrameTooSmall, "frame_too_small"},
    {SpinProblemCode::MediumCountMismatch, "medium_count_mismatch"},
    {SpinProblemCode::MediumSizeMismatch, "medium_size_mismatch"},
    {SpinProblemCode::AtlasGridMismatch, "atlas_grid_mismatch"},
    {SpinProblemCode::AtlasCellInvalid, "atlas_cell_invalid"},
    {SpinProblemCode::AtlasSizeMismatch, "atlas_size_mismatch"},
    {SpinProblemCode::AtlasTooLarge, "atlas_too_large"},
};

std::string sizeText(ImageSize s) { return std::to_string(s.width) + "x" + std::to_string(s.height); }

bool sameAspect(ImageSize a, ImageSize b, double tolerance)
{
    if (a.width <= 0 || a.height <= 0 || b.width <= 0 || b.height <= 0)
        return false;
    const double ra = static_cast<double>(a.width) / a.height, rb = static_cast<double>(b.width) / b.height;
    // Rounding a small image's sides moves its ratio by up to one pixel's worth.
    const double slack = 1.0 / std::min(b.width, b.height);
    return std::fabs(ra / rb - 1.0) <= tolerance + slack;
}

} // namespace

const char* problemCodeName(SpinProblemCode code)
{
    for (const ProblemName& row : kProblemNames)
        if (row.code == code)
            return row.name;
    return "unknown";
}

std::vector<SpinProblem> checkSpin(const SpinManifest& spin, const SpinLimits& limits)
{
    std::vector<SpinProblem> problems;
    const auto add = [&](SpinProblemCode code, int frame, std::string detail) {
        problems.push_back({code, frame, std::move(detail)});
    };
    const int count = static_cast<int>(spin.frames.size());
    if (count < limits.minFrames)
        add(SpinProblemCode::TooFewFrames, -1,
            std::to_string(count) + " frames, at least " + std::to_string(limits.minFrames));
    if (count > limits.maxFrames)
        add(SpinProblemCode::TooManyFrames, -1,
            std::to_string(count) + " frames, at most " + std::to_string(limits.maxFrames));

    for (int i = 0; i < count; ++i) {
        const ImageSize s = spin.frames[i];
        if (s.width <= 0 || s.height <= 0) {
            add(SpinProblemCode::FrameEmpty, i, "frame " + std::to_string(i) + " is " + sizeText(s));
            continue;
        }
        const int longest = std::max(s.width, s.height);
        if (longest > limits.maxFrameLongest)
            add(SpinProblemCode::FrameTooLarge, i,
                "frame " + std::to_string(i) + " is " + sizeText(s) + ", longest side at most " +
                    std::to_string(limits.maxFrameLongest));
        if (longest < limits.minFrameLongest)
            add(SpinProblemCode::FrameTooSmall, i,
                "frame " + std::to_string(i) + " is " + sizeText(s) + ", longest side at least " +
                    std::to_string(limits.minFrameLongest));
        if (i > 0 && (s.width != spin.frames[0].width || s.height != spin.frames[0].height))
            add(SpinProblemCode::FrameSizeMismatch, i,
                "frame " + std::to_string(i) + " is " + sizeText(s) + ", frame 0 is " + sizeText(spin.frames[0]));
    }
    const ImageSize frame = count > 0 ? spin.frames[0] : ImageSize{};

    if (!spin.mediumFrames.empty()) {
        if (static_cast<int>(spin.mediumFrames.size()) != count)
            add(SpinProblemCode::MediumCountMismatch, -1,
                std::to_string(spin.mediumFrames.size()) + " medium frames for " + std::to_string(count) + " frames");
        for (int i = 0; i < static_cast<int>(spin.mediumFrames.size()); ++i) {
            const ImageSize m = spin.mediumFrames[i];
            const ImageSize m0 = spin.mediumFrames[0];
            const bool ok = m.width > 0 && m.height > 0 && m.width == m0.width && m.height == m0.height &&
                            (count == 0 || (m.width < frame.width && m.height < frame.height &&
                                            sameAspect(m, frame, limits.aspectTolerance)));
            if (!ok)
                add(SpinProblemCode::MediumSizeMismatch, i,
                    "medium frame " + std::to_string(i) + " is " + sizeText(m) + ", medium 0 is " + sizeText(m0) +
                        ", frames are " + sizeText(frame));
        }
    }

    const int cols = spin.atlasColumns, rows = spin.atlasRows;
    // Every frame has a cell, and no row is left empty (a grid the viewer would mis-index).
    if (cols <= 0 || rows <= 0 || static_cast<long long>(cols) * rows < count || static_cast<long long>(cols) * (rows - 1) >= count)
        add(SpinProblemCode::AtlasGridMismatch, -1,
            std::to_string(cols) + " x " + std::to_string(rows) + " cells for " + std::to_string(count) + " frames");
    const ImageSize cell = spin.cell;
    const bool cellOk = cell.width > 0 && cell.height > 0 && std::max(cell.width, cell.height) <= limits.maxCellLongest &&
                        (count == 0 || frame.width <= 0 || sameAspect(cell, frame, limits.aspectTolerance));
    if (!cellOk)
        add(SpinProblemCode::AtlasCellInvalid, -1,
            "cell " + sizeText(cell) + ", frames " + sizeText(frame) + ", longest side at most " +
                std::to_string(limits.maxCellLongest));
    if (static_cast<long long>(spin.atlas.width) != static_cast<long long>(cols) * cell.width ||
        static_cast<long long>(spin.atlas.height) != static_cast<long long>(rows) * cell.height)
        add(SpinProblemCode::AtlasSizeMismatch, -1,
            "atlas " + sizeText(spin.atlas) + ", " + std::to_string(cols) + " x " + std::to_string(rows) + " cells of " +
                sizeText(cell));
    if (spin.atlas.width > limits.maxAtlasSide || spin.atlas.height > limits.maxAtlasSide)
        add(SpinProblemCode::AtlasTooLarge, -1,
            "atlas " + sizeText(spin.atlas) + ", each side at most " + std::to_string(limits.maxAtlasSide));
    return problems;
}

SpinManifest manifestOf(const PreparedSpin& spin)
{
    SpinManifest m;
    for (const Image& f : spin.full)
        m.frames.push_back({f.width, f.height});
    for (const Image& f : spin.medium)
        m.mediumFrames.push_back({f.width, f.height});
    m.atlas = {spin.atlas.width, spin.atlas.height};
    m.atlasColumns = spin.plan.atlasColumns;
    m.atlasRows = spin.plan.atlasRows;
    m.cell = spin.plan.cell;
    return m;
}

} // namespace dongelek::spin
