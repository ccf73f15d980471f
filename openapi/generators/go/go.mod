module tim-marks.local/generators/go

go 1.23

require github.com/GIT_USER_ID/GIT_REPO_ID v0.0.0

require gopkg.in/validator.v2 v2.0.1 // indirect

// The client openapi-generator writes next to this file (out/go/client) when the check runs.
replace github.com/GIT_USER_ID/GIT_REPO_ID => ./client
