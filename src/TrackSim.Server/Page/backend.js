// Under `tracksim serve` the page sends its requests to the server that served it, so this file
// sets nothing. The static build replaces it with one that runs the model in the browser.
'use strict';
