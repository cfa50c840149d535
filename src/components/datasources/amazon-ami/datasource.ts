import {
  DescribeImagesCommand,
  type DescribeImagesCommandInput,
  type EC2Client,
  type Image,
} from '@aws-sdk/client-ec2';
import { StringType } from '../../../eval/types.js';
import { Value } from '../../../eval/value.js';
import { mostRecent } from '../../builders/amazon-ebs/steps/source-ami.js';
import { ec2Filters } from '../../builders/amazon-ebs/steps/filters.js';
import { amazonSession, checkCredentials } from '../../common/amazon/client.js';
import { awsErrorMessage } from '../../common/amazon/errors.js';
import type { AmazonAmiConfig } from './schema.js';

/*
 * datasource/ami Execute of packer-plugin-amazon: one DescribeImages with the
 * filters, owners and include_deprecated (AmiFilterOptions.GetFilteredImage),
 * exactly one image unless most_recent picks the newest.
 */

export async function executeAmazonAmi(c: AmazonAmiConfig): Promise<Value> {
  const session = await amazonSession(c);
  try {
    await checkCredentials(c, session);
    const image = await filteredImage(c, session.ec2());
    const tags = new Map((image.Tags ?? []).map((t) => [t.Key ?? '', Value.string(t.Value ?? '')]));
    return Value.object({
      id: Value.string(image.ImageId ?? ''),
      name: Value.string(image.Name ?? ''),
      creation_date: Value.string(image.CreationDate ?? ''),
      owner: Value.string(image.OwnerId ?? ''),
      owner_name: Value.string(image.ImageOwnerAlias ?? ''),
      tags: Value.map(tags, StringType),
    });
  } finally {
    session.destroy();
  }
}

async function filteredImage(c: AmazonAmiConfig, client: EC2Client): Promise<Image> {
  const filters = c.filters ?? {};
  const input: DescribeImagesCommandInput = {
    ...(Object.keys(filters).length > 0 ? { Filters: ec2Filters(filters) } : {}),
    ...((c.owners ?? []).length > 0 ? { Owners: c.owners } : {}),
    IncludeDeprecated: c.include_deprecated ?? false,
  };
  let images: Image[];
  try {
    images = (await client.send(new DescribeImagesCommand(input))).Images ?? [];
  } catch (error) {
    throw new Error(`Error querying AMI: ${awsErrorMessage(error)}`, { cause: error });
  }
  // Go prints the input struct; Kiln prints it as JSON, as the amazon-ebs builder does.
  if (images.length === 0) throw new Error(`No AMI was found matching filters: ${JSON.stringify(input)}`);
  if (images.length > 1 && !c.most_recent) {
    throw new Error(
      'Your query returned more than one result. Please try a more specific search, or set most_recent to true.',
    );
  }
  return c.most_recent ? mostRecent(images) : (images[0] as Image);
}
