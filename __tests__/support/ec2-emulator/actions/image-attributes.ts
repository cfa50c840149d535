import { invalidParameter } from '../errors.js';
import { objects, str, strings } from '../params.js';
import { blockDeviceXml } from '../render.js';
import type { Handler } from '../runtime.js';
import { visibleImage } from './images.js';

/* ModifyImageAttribute and DescribeImageAttribute: description, launch permissions, block devices, flags. */

export const modifyImageAttribute: Handler = (ctx) => {
  const image = visibleImage(ctx, str(ctx.params, 'ImageId') ?? '');
  const description = str(ctx.params, 'Description.Value');
  if (description !== undefined) image.description = description;
  const imds = str(ctx.params, 'ImdsSupport.Value');
  if (imds !== undefined) image.imdsSupport = imds;
  const change = (op: 'Add' | 'Remove', users: string[], groups: string[]) => {
    const apply = (list: string[], values: string[]) => {
      for (const v of values) {
        const at = list.indexOf(v);
        if (op === 'Add' && at < 0) list.push(v);
        if (op === 'Remove' && at >= 0) list.splice(at, 1);
      }
    };
    apply(image.launchPermissionUserIds, users);
    apply(image.launchPermissionGroups, groups);
    image.isPublic = image.launchPermissionGroups.includes('all');
  };
  for (const op of ['Add', 'Remove'] as const) {
    const items = objects(ctx.params, `LaunchPermission.${op}`);
    change(
      op,
      items.map((p) => str(p, 'UserId')).filter((v): v is string => v !== undefined),
      items.map((p) => str(p, 'Group')).filter((v): v is string => v !== undefined),
    );
  }
  if (str(ctx.params, 'Attribute') === 'launchPermission') {
    const op = str(ctx.params, 'OperationType') === 'remove' ? 'Remove' : 'Add';
    change(op, strings(ctx.params, 'UserId'), strings(ctx.params, 'UserGroup'));
  }
  return { return: true };
};

export const describeImageAttribute: Handler = (ctx) => {
  const image = visibleImage(ctx, str(ctx.params, 'ImageId') ?? '');
  const attribute = str(ctx.params, 'Attribute');
  const value = (v: string | undefined) => (v === undefined ? undefined : { value: v });
  switch (attribute) {
    case 'description':
      return { imageId: image.imageId, description: value(image.description ?? '') };
    case 'launchPermission':
      return {
        imageId: image.imageId,
        launchPermission: [
          ...image.launchPermissionGroups.map((group) => ({ group })),
          ...image.launchPermissionUserIds.map((userId) => ({ userId })),
        ],
      };
    case 'blockDeviceMapping':
      return { imageId: image.imageId, blockDeviceMapping: image.blockDeviceMappings.map(blockDeviceXml) };
    case 'sriovNetSupport':
      return { imageId: image.imageId, sriovNetSupport: value(image.sriovNetSupport) };
    case 'imdsSupport':
      return { imageId: image.imageId, imdsSupport: value(image.imdsSupport) };
    case 'productCodes':
      return { imageId: image.imageId, productCodes: [] };
    default:
      throw invalidParameter(`Value (${attribute ?? ''}) for parameter attribute is invalid. Unknown attribute.`);
  }
};
