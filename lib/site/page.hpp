// The frame every page of the site shares: head, navigation, footer, stylesheet.
#pragma once

#include <string>
#include <string_view>

namespace claimkb::site {

struct Page {
  std::string title;        // plain text; escaped here
  std::string root;         // the way back to the site's root: "" or "../"
  std::string description;  // plain text for <meta name="description">; escaped here
  std::string head;         // HTML added to <head> (the JSON-LD block), already safe
  std::string body;         // HTML of <main>, already escaped
  std::string scripts;      // HTML at the end of <body>, already safe
};

// The whole HTML document.
std::string render(const Page& page);

// style.css: one small stylesheet for screen, phone and print.
std::string_view stylesheet();

}  // namespace claimkb::site
