// knotenpunkt: the desktop view. Wiring only: arguments here, the view in src/ui.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "core/i18n.hpp"
#include "knp/version.hpp"
#include "ui/app.hpp"

int main(int argc, char** argv) {
    const auto started = std::chrono::steady_clock::now();
    CLI::App cli{"knotenpunkt: the Knotenpunkt desktop view", "knotenpunkt"};
    cli.set_version_flag("--version", std::string("knotenpunkt ") + knp::kVersion);
    knp::ui::AppOptions options;
    options.started = started;
    std::string size = "1600x1000";
    std::string lang = "de";
    cli.add_option("INPUT", options.input, "Project (.knp) or importable file to open");
    cli.add_option("--screenshot", options.screenshotPath, "Render, save the window as PNG and exit");
    cli.add_option("--size", size, "Window size WxH (default 1600x1000)");
    cli.add_option("--frames", options.frames, "Frames to render before the screenshot")->check(CLI::PositiveNumber);
    cli.add_option("--bench-frames", options.benchFrames, "Render N frames, print median and p95 frame time in ms")->check(CLI::PositiveNumber);
    CLI::Option* compareOption =
        cli.add_option("--compare", options.compareWith, "Open in compare mode against this snapshot of the project (timeline at today)");
    std::vector<std::string> codes;
    for (const knp::Lang l : knp::languages()) codes.emplace_back(knp::langCode(l));
    CLI::Option* langOption = cli.add_option("--lang", lang, "Interface language: de (default), en or another catalogue's")->check(CLI::IsMember(codes));
    cli.add_option("--color-by", options.colorBy, "Colour the actors by a metric of knp metrics (as Ansicht > Farbe nach)");
    cli.add_option("--size-by", options.sizeBy, "Size the actors by a metric of knp metrics (as Ansicht > Größe nach)");
    try {
        cli.parse(argc, argv);
    } catch (const CLI::Success& e) {
        return cli.exit(e);
    } catch (const CLI::ParseError& e) {
        cli.exit(e);
        return 2;
    }
    if (std::sscanf(size.c_str(), "%dx%d", &options.width, &options.height) != 2 || options.width < 64 || options.height < 64 ||
        options.width > 16384 || options.height > 16384) {
        std::fprintf(stderr, "knotenpunkt: --size must look like 1600x1000\n");
        return 2;
    }
    options.lang = knp::parseLang(lang);
    options.langGiven = langOption->count() > 0;
    options.compare = compareOption->count() > 0;
    return knp::ui::runApp(options);
}
