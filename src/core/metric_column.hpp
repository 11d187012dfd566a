#pragma once
// One column of per-actor numbers with its name, as the analyses compute them and the
// exporters write them (CSV, XLSX): the hand-over between analysis/ and io/.
#include <string>
#include <vector>

namespace knp {

struct MetricColumn {
    std::string name;
    std::vector<double> values;  // NaN: not defined for that actor
    bool integer = false;
};

}  // namespace knp
