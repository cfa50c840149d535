# Loaded automatically (*.auto.pkrvars.hcl); -var and PKR_VAR_* override it.
app_name = "hello-kiln"
version  = "1.0.0"
