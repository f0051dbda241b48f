#include "bench/PrecisionRecallPlot.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cstdio>

namespace pb::photo::evaluation {

namespace {

constexpr int kWidth = 940, kHeight = 640;
constexpr int kLeft = 80, kRight = 290, kTop = 64, kBottom = 70;  // margins around the plot area; the legend sits right
const cv::Scalar kInk(40, 40, 40), kGrid(225, 225, 225);
const cv::Scalar kColours[] = {{200, 90, 30}, {40, 40, 200}, {50, 150, 50}, {170, 60, 170}, {0, 140, 230}, {20, 20, 20}, {150, 150, 0}};

cv::Point toPixel(double recall, double precision)
{
    const double width = kWidth - kLeft - kRight, height = kHeight - kTop - kBottom;
    return {kLeft + int(recall * width + 0.5), kTop + int((1 - precision) * height + 0.5)};
}

void text(cv::Mat& image, const std::string& s, cv::Point at, double scale = 0.45, const cv::Scalar& colour = kInk)
{
    cv::putText(image, s, at, cv::FONT_HERSHEY_SIMPLEX, scale, colour, 1, cv::LINE_AA);
}

void drawAxes(cv::Mat& image, const std::string& title)
{
    char tick[16];
    for (int i = 0; i <= 10; ++i) {
        const double v = i / 10.0;
        cv::line(image, toPixel(v, 0), toPixel(v, 1), kGrid, 1);
        cv::line(image, toPixel(0, v), toPixel(1, v), kGrid, 1);
        std::snprintf(tick, sizeof tick, "%.1f", v);
        text(image, tick, toPixel(v, 0) + cv::Point(-12, 20));
        text(image, tick, toPixel(0, v) + cv::Point(-34, 5));
    }
    cv::rectangle(image, toPixel(0, 1), toPixel(1, 0), kInk, 1);
    text(image, "recall", toPixel(0.5, 0) + cv::Point(-25, 45), 0.55);
    text(image, "precision", {8, kTop - 16}, 0.55);
    text(image, title, {8, 24}, 0.6);
}

// Precision as steps over recall: each point holds until the next threshold adds recall.
void drawCurve(cv::Mat& image, const NamedCurve& c, const cv::Scalar& colour)
{
    cv::Point previous = toPixel(0, c.curve.empty() ? 1 : c.curve.front().precision);
    for (const CurvePoint& p : c.curve) {
        const cv::Point step = toPixel(p.recall, p.precision);
        cv::line(image, previous, {step.x, previous.y}, colour, 2, cv::LINE_AA);
        cv::line(image, {step.x, previous.y}, step, colour, 2, cv::LINE_AA);
        previous = step;
    }
    cv::circle(image, toPixel(c.claimPoint.recall, c.claimPoint.precision), 7, colour, 2, cv::LINE_AA);
}

void drawLegend(cv::Mat& image, const NamedCurve& c, const cv::Scalar& colour, int row)
{
    const int x = kWidth - kRight + 20, y = kTop + 20 + row * 62;
    char line[96];
    cv::line(image, {x, y - 4}, {x + 24, y - 4}, colour, 3, cv::LINE_AA);
    text(image, c.name, {x + 32, y}, 0.45, colour);
    std::snprintf(line, sizeof line, "AP %.3f", averagePrecision(c.curve));
    text(image, line, {x + 32, y + 18});
    std::snprintf(line, sizeof line, "o claim at %.2f: P %.2f R %.2f", c.claimPoint.threshold, c.claimPoint.precision,
                  c.claimPoint.recall);
    text(image, line, {x + 32, y + 36});
}

} // namespace

bool drawPrecisionRecallCurves(const std::vector<NamedCurve>& curves, const std::string& title, const std::string& pngPath)
{
    cv::Mat image(kHeight, kWidth, CV_8UC3, cv::Scalar(255, 255, 255));
    drawAxes(image, title);
    for (size_t i = 0; i < curves.size(); ++i) {
        const cv::Scalar& colour = kColours[i % std::size(kColours)];
        drawCurve(image, curves[i], colour);
        drawLegend(image, curves[i], colour, int(i));
    }
    try {
        return cv::imwrite(pngPath, image);
    } catch (const cv::Exception&) {
        return false;
    }
}

} // namespace pb::photo::evaluation
