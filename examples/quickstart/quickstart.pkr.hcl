packer {
  required_plugins {
    docker = {
      source  = "github.com/hashicorp/docker"
      version = ">= 1.1.0"
    }
  }
}

variable "base_image" {
  type        = string
  default     = "kiln-test/debian:bookworm"
  description = "Image the build starts from (scripts/docker-base-image.sh makes it offline)."
}

variable "app_name" {
  type    = string
  default = "hello"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]*$", var.app_name))
    error_message = "The app_name must be lower-case letters, digits and dashes."
  }
}

variable "version" {
  type        = string
  description = "The image's version, also its tag."
}

variable "port" {
  type    = number
  default = 8080
}

locals {
  repository = "kiln/quickstart"
  app_dir    = "/srv/${var.app_name}"
  image_tags = ["${local.repository}:${var.version}", "${local.repository}:latest"]
  labels = {
    "org.opencontainers.image.title"   = var.app_name
    "org.opencontainers.image.version" = var.version
  }
}

source "docker" "app" {
  image  = var.base_image
  pull   = false
  commit = true
  changes = concat(
    [
      "ENV APP_NAME=${var.app_name} APP_VERSION=${var.version}",
      "WORKDIR ${local.app_dir}",
      "EXPOSE ${var.port}",
      "USER app",
      "ENTRYPOINT [\"${local.app_dir}/bin/hello\"]",
      "CMD [\"world\"]",
    ],
    [for k, v in local.labels : "LABEL ${k}=\"${v}\""],
  )
}

build {
  name    = "quickstart"
  sources = ["source.docker.app"]

  provisioner "shell" {
    inline = [
      "useradd --system --home-dir ${local.app_dir} --no-create-home --shell /usr/sbin/nologin app",
      "mkdir -p ${local.app_dir}",
    ]
  }

  # The trailing slash uploads the directory's contents, not the directory.
  provisioner "file" {
    source      = "${path.root}/app/"
    destination = local.app_dir
  }

  provisioner "shell" {
    environment_vars = ["APP_DIR=${local.app_dir}", "APP_VERSION=${var.version}"]
    inline = [
      "echo \"$APP_VERSION\" > \"$APP_DIR/VERSION\"",
      "chown -R app:app \"$APP_DIR\"",
      "ls -lR \"$APP_DIR\"",
    ]
  }

  post-processors {
    post-processor "docker-tag" {
      repository = local.repository
      tags       = [var.version, "latest"]
    }
    post-processor "manifest" {
      output     = "${path.root}/manifest.json"
      strip_path = true
    }
  }
}
