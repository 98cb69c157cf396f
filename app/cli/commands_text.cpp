// Text commands without LibTorch: tokenize (inspect a model's tokenizer).
#include "cli_context.h"

#include "srw/text/tokenizer.h"
#include "srw/util/error.h"
#include "srw/util/text_utils.h"

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

namespace srw::cli {

void addTextCommands(CLI::App& app, CliContext& ctx) {
    struct TokArgs {
        std::string model;
        std::vector<std::string> texts;
        bool json = false;
        std::size_t maxLength = 0;
    };
    auto ta = std::make_shared<TokArgs>();
    CLI::App* tok = app.add_subcommand(
        "tokenize", "Show how a model's tokenizer splits texts ('-' reads one text per line)");
    tok->add_option("--model", ta->model, "Hugging Face model folder (vocab.txt, …)")->required();
    tok->add_option("texts", ta->texts, "Texts, or - for standard input")->required();
    tok->add_option("--max-length", ta->maxLength, "Truncate to this many tokens (0: the model's)");
    tok->add_flag("--json", ta->json, "Print a JSON array of {ids, tokens} per text");
    tok->callback([ta] {
        Tokenizer t = Tokenizer::fromDirectory(ta->model);
        std::vector<std::string> texts;
        for (const auto& s : ta->texts) {
            if (s != "-") {
                texts.push_back(s);
                continue;
            }
            std::string line;
            while (std::getline(std::cin, line)) {
                if (!line.empty() && line.back() == '\r')
                    line.pop_back();
                texts.push_back(line);
            }
        }
        EncodeOptions o;
        o.maxLength = ta->maxLength;
        nlohmann::json out = nlohmann::json::array();
        for (const auto& text : texts) {
            if (findInvalidUtf8(text) != std::string::npos)
                throw InputError("<text>", 0, 0, "invalid UTF-8 in " + quoteForMessage(text));
            Encoding e = t.encode(text, o);
            if (ta->json) {
                out.push_back({{"ids", e.ids}, {"tokens", e.tokens}, {"type_ids", e.typeIds}});
                continue;
            }
            std::string line;
            for (std::size_t i = 0; i < e.ids.size(); ++i)
                line += (i ? " " : "") + e.tokens[i] + "/" + std::to_string(e.ids[i]);
            std::printf("%s\n", line.c_str());
        }
        if (ta->json)
            std::cout << out.dump() << "\n";
    });

}

} // namespace srw::cli
