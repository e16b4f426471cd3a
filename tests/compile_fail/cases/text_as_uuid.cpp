// A UUID is 16 bytes, never text: parse_uuid checks the text.
#include <voip/bundle/uuid.hpp>
int main() {
#ifdef VOIP_MISUSE
    const voip::Uuid u = "0fba8c48-99fc-4727-8ca7-c847376da415";
#else
    const voip::Uuid u = *voip::parse_uuid("0fba8c48-99fc-4727-8ca7-c847376da415");
#endif
    return u.version() == 4 ? 0 : 1;
}
