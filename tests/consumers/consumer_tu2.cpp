// A second translation unit including every header: linking it with consumer.cpp proves
// the library defines nothing that is not inline (no multiple-definition errors).
#include <voip/bundle.hpp>

int second_translation_unit() {
    return voip::parse_uuid("0fba8c48-99fc-4727-8ca7-c847376da415").has_value() ? 1 : 0;
}
